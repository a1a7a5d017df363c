package dev.cofferdam.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Mouse reports in the SGR and the classic form. */
class MouseEncoderTest {
    private static String enc(int button, boolean release, int col, int row, boolean sgr) {
        byte[] b = MouseEncoder.encode(button, release, col, row, sgr);
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void sgrForm() {
        assertThat(enc(MouseEncoder.LEFT, false, 0, 0, true)).isEqualTo("\033[<0;1;1M");
        assertThat(enc(MouseEncoder.LEFT, true, 9, 4, true)).isEqualTo("\033[<0;10;5m");
        assertThat(enc(MouseEncoder.WHEEL_DOWN, false, 300, 100, true)).isEqualTo("\033[<65;301;101M");
        assertThat(enc(MouseEncoder.LEFT + MouseEncoder.MOTION + MouseEncoder.modifiers(false, false, true),
                false, 2, 3, true)).isEqualTo("\033[<48;3;4M");
    }

    @Test
    void classicFormReleasesAsButtonThreeAndStopsAt223() {
        assertThat(enc(MouseEncoder.RIGHT, false, 0, 0, false)).isEqualTo("\033[M\"!!");
        assertThat(enc(MouseEncoder.RIGHT, true, 1, 2, false)).isEqualTo("\033[M#\"#");
        assertThat(enc(MouseEncoder.WHEEL_UP, false, 0, 0, false)).isEqualTo("\033[M`!!");
        assertThat(enc(MouseEncoder.LEFT, false, 222, 0, false)).endsWith("\u00ff!");
        assertThat(enc(MouseEncoder.LEFT, false, 223, 0, false)).isNull();
    }

    @Test
    void theScreenTracksTheMouseModesProgramsSet() {
        Fixtures f = new Fixtures(2, 10).feed("\033[?1002h\033[?1006h");
        assertThat(f.screen().modes().mouseTracking()).isEqualTo(1002);
        assertThat(f.screen().modes().sgrMouse()).isTrue();
        f.feed("\033[?1002l\033[?1006l");
        assertThat(f.screen().modes().mouseTracking()).isZero();
        assertThat(f.screen().modes().sgrMouse()).isFalse();
    }
}
