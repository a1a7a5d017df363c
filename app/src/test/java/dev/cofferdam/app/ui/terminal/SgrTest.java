package dev.cofferdam.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SGR sequences as programs send them, read back from the cell they styled. */
class SgrTest {
    private static CellStyle styleOf(String sgr) {
        Fixtures f = new Fixtures(1, 10).feed(sgr + "x");
        return f.screen().row(0).styleAt(0);
    }

    @Test
    void ansiAndBrightColours() {
        assertThat(styleOf("\033[31;42m")).isEqualTo(new CellStyle(1, 2, 0));
        assertThat(styleOf("\033[94;103m")).isEqualTo(new CellStyle(12, 11, 0));
        assertThat(styleOf("\033[31m\033[39;49m")).isEqualTo(CellStyle.DEFAULT);
    }

    @Test
    void palette256AndTruecolourInBothForms() {
        assertThat(styleOf("\033[38;5;208;48;5;17m")).isEqualTo(new CellStyle(208, 17, 0));
        assertThat(styleOf("\033[38;2;1;2;3m").fg()).isEqualTo(CellStyle.rgb(1, 2, 3));
        assertThat(styleOf("\033[48:2::10:20:30m").bg()).isEqualTo(CellStyle.rgb(10, 20, 30));
        assertThat(styleOf("\033[38:2:4:5:6m").fg()).isEqualTo(CellStyle.rgb(4, 5, 6));
        assertThat(styleOf("\033[38:5:99;1m")).isEqualTo(new CellStyle(99, CellStyle.DEFAULT_COLOR, CellStyle.BOLD));
    }

    @Test
    void attributesAndTheirResets() {
        CellStyle all = styleOf("\033[1;2;3;4;7;8;9m");
        assertThat(all.flags()).isEqualTo(CellStyle.BOLD | CellStyle.DIM | CellStyle.ITALIC | CellStyle.UNDERLINE
                | CellStyle.INVERSE | CellStyle.INVISIBLE | CellStyle.STRIKE);
        assertThat(styleOf("\033[1;2;3;4;7;8;9m\033[22;23;24;27;28;29m")).isEqualTo(CellStyle.DEFAULT);
        assertThat(styleOf("\033[1;31m\033[m")).isEqualTo(CellStyle.DEFAULT);
    }

    @Test
    void xtermKeyModifierSequenceIsNotMistakenForSgr() {
        assertThat(styleOf("\033[>4;2m")).isEqualTo(CellStyle.DEFAULT);
    }

    @Test
    void truncatedExtendedColourIsIgnored() {
        assertThat(styleOf("\033[1;38;5m")).isEqualTo(new CellStyle(CellStyle.DEFAULT_COLOR, CellStyle.DEFAULT_COLOR,
                CellStyle.BOLD));
    }
}
