package dev.cofferdam.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The emulator fed with real output of vim, less, top, ls and bash captured on this kind of host. */
class CapturedProgramsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4096})
    void vimDrawsTheFileOnTheAlternateScreenAndAsksForTheCursorPosition(int chunk) {
        byte[] all = Fixtures.bytes("vim-sample.bin");
        Fixtures f = new Fixtures(24, 80).feed(Fixtures.before(all, "\033[1;1H\033[?25h"), chunk);
        Screen s = f.screen();
        assertThat(s.altScreen()).isTrue();
        assertThat(f.row(0)).isEqualTo("alpha line one");
        assertThat(f.row(1)).isEqualTo("beta line two");
        assertThat(f.row(2)).isEqualTo("gamma");
        for (int y = 3; y < 23; y++) {
            assertThat(f.row(y)).isEqualTo("~");
            assertThat(s.row(y).styleAt(0).fg()).isEqualTo(12);
        }
        assertThat(f.row(23)).startsWith("\"sample.txt\" 3L, 35B");
        // vim prints U+25BD at row 2 and asks where the cursor went (ambiguous width: one cell here),
        // then asks again at row 3, then for the secondary device attributes and the default colours
        assertThat(f.replies).containsExactly("\033[2;2R", "\033[3;1R", "\033[>1;10;0c",
                "\033]10;rgb:d4d4/d4d4/d4d4\033\\", "\033]11;rgb:1a1a/1b1b/1e1e\033\\");
        assertThat(s.modes().appCursorKeys()).isTrue();
        assertThat(s.modes().bracketedPaste()).isTrue();
    }

    @Test
    void leavingVimRestoresTheMainScreenAndItsModes() {
        Fixtures f = new Fixtures(24, 80).feed("$ vim sample.txt\r\n").feed(Fixtures.bytes("vim-sample.bin"), 512);
        Screen s = f.screen();
        assertThat(s.altScreen()).isFalse();
        assertThat(f.row(0)).isEqualTo("$ vim sample.txt");
        assertThat(s.cursorY()).isEqualTo(1);
        assertThat(s.modes().appCursorKeys()).isFalse();
        assertThat(s.modes().cursorVisible()).isTrue();
        assertThat(s.scrollbackSize()).isZero();
    }

    @Test
    void vimScrollsToTheEndAndBackAndDeletesACharacter() {
        byte[] all = Fixtures.bytes("vim-long.bin");
        Fixtures f = new Fixtures(24, 80).feed(Fixtures.before(all, "\033[24;1H\033[K\033[24;1H:q!"), 7);
        assertThat(f.row(0)).isEqualTo("line 1 of the less fixture");
        assertThat(f.row(2)).isEqualTo("ine 3 of the less fixture");
        assertThat(f.row(22)).isEqualTo("line 23 of the less fixture");
        assertThat(f.screen().cursorY()).isEqualTo(2);
        assertThat(f.screen().cursorX()).isZero();
    }

    @Test
    void lessShowsOnePageAndItsPrompt() {
        byte[] all = Fixtures.bytes("less-long.bin");
        Fixtures f = new Fixtures(24, 80).feed(Fixtures.before(all, "\r\033[K\033[?1l"), 64);
        assertThat(f.screen().altScreen()).isTrue();
        assertThat(f.row(0)).isEqualTo("line 1 of the less fixture");
        assertThat(f.row(22)).isEqualTo("line 23 of the less fixture");
        assertThat(f.row(23)).startsWith("long.txt");
        assertThat(f.screen().row(23).styleAt(0).has(CellStyle.INVERSE)).isTrue();
    }

    @Test
    void topDrawsItsHeaderAndTheInverseColumnTitles() {
        Fixtures f = new Fixtures(24, 80).feed(Fixtures.bytes("top.bin"), 100);
        Screen s = f.screen();
        // top's last newline at the bottom row scrolls its first line into the scrollback
        assertThat(s.scrollbackSize()).isEqualTo(1);
        assertThat(s.line(-1).text()).startsWith("top - ").contains("load average");
        assertThat(f.row(0)).startsWith("Tasks:");
        assertThat(s.row(0).styleAt(8).has(CellStyle.BOLD)).isTrue();
        int header = -1;
        for (int y = 0; y < 24; y++) {
            if (f.row(y).contains("PID") && f.row(y).contains("COMMAND")) {
                header = y;
            }
        }
        assertThat(header).isPositive();
        assertThat(s.row(header).styleAt(s.row(header).text().indexOf("PID")).has(CellStyle.INVERSE)).isTrue();
        assertThat(s.row(header).text()).hasSizeLessThanOrEqualTo(80);
    }

    @Test
    void lsColoursDirectoriesLinksAndExecutables() {
        Fixtures f = new Fixtures(24, 80).feed(Fixtures.bytes("ls-color.bin"), 5);
        Screen s = f.screen();
        assertThat(f.row(0)).isEqualTo("adir");
        assertThat(s.row(0).styleAt(0)).isEqualTo(new CellStyle(4, CellStyle.DEFAULT_COLOR, CellStyle.BOLD));
        assertThat(s.row(1).styleAt(0).fg()).isEqualTo(6);
        assertThat(s.row(2).styleAt(0)).isEqualTo(CellStyle.DEFAULT);
        assertThat(s.row(3).styleAt(0).fg()).isEqualTo(2);
        assertThat(f.row(3)).isEqualTo("run.sh");
    }

    @Test
    void bashColoursWideCharactersAndAutowrap() {
        Fixtures f = new Fixtures(24, 80).feed(Fixtures.bytes("bash-session.bin"), 2);
        Screen s = f.screen();
        // the echoed command line is longer than 80 columns: it wraps
        assertThat(s.row(0).wrapped()).isTrue();
        assertThat(f.row(1)).isEqualTo("\\033[0m\\n'");
        assertThat(f.row(2)).isEqualTo("red orange tc");
        assertThat(s.row(2).styleAt(0)).isEqualTo(new CellStyle(1, CellStyle.DEFAULT_COLOR, CellStyle.BOLD));
        assertThat(s.row(2).styleAt(4).fg()).isEqualTo(208);
        assertThat(s.row(2).styleAt(11).fg()).isEqualTo(CellStyle.rgb(10, 20, 30));
        assertThat(f.row(4)).isEqualTo("日本語 wide");
        assertThat(s.row(4).charAt(0)).isEqualTo('日');
        assertThat(s.row(4).charAt(1)).isEqualTo(TermLine.WIDE_TAIL);
        assertThat(s.row(4).charAt(2)).isEqualTo('本');
        assertThat(f.row(6)).hasSize(80).matches("0+");
        assertThat(s.row(6).wrapped()).isTrue();
        assertThat(f.row(7)).isEqualTo("00000000000000000007");
        assertThat(f.row(9)).isEqualTo("exit");
        assertThat(s.cursorY()).isEqualTo(10);
        assertThat(s.modes().bracketedPaste()).isFalse();
    }

    @Test
    void inkRedrawsItsFrameInPlace() {
        // a small Ink (React for terminals, as Claude Code and Gemini CLI use) app: ink-box.mjs
        Fixtures f = new Fixtures(24, 80).feed(Fixtures.bytes("ink-box.bin"), 33);
        Screen s = f.screen();
        assertThat(f.row(0)).startsWith("╭──").endsWith("╮").hasSize(40);
        assertThat(f.row(1)).isEqualTo("│Agent at work                         │");
        assertThat(f.row(2)).isEqualTo("│step 3 of 3 ●●●                       │");
        assertThat(f.row(3)).isEqualTo("│done                                  │");
        assertThat(f.row(4)).startsWith("╰──");
        assertThat(f.row(5)).isEmpty();
        assertThat(s.row(2).styleAt(13).fg()).isEqualTo(214);
        assertThat(s.row(1).styleAt(1)).isEqualTo(new CellStyle(2, CellStyle.DEFAULT_COLOR, CellStyle.BOLD));
        assertThat(s.row(3).styleAt(1).has(CellStyle.DIM)).isTrue();
        assertThat(s.row(0).styleAt(0).fg()).isEqualTo(6);
        assertThat(s.modes().cursorVisible()).isTrue();
    }

    @Test
    void inkAtTheBottomOfAFullScreenLeavesOneFrame() {
        Fixtures f = new Fixtures(24, 80).feed(Fixtures.bytes("ink-box-bottom.bin"), 4096);
        Screen s = f.screen();
        assertThat(s.text().lines().filter(l -> l.startsWith("╭")).count()).isEqualTo(1);
        assertThat(f.row(17)).isEqualTo("30");
        assertThat(f.row(18)).startsWith("╭");
        assertThat(f.row(21)).isEqualTo("│done                                  │");
        assertThat(f.row(22)).startsWith("╰");
        assertThat(s.cursorY()).isEqualTo(23);
        assertThat(s.scrollbackSize()).isEqualTo(12);
        assertThat(s.line(-12).text()).isEqualTo("1");
    }
}
