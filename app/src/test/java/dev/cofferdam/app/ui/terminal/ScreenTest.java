package dev.cofferdam.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Screen behaviour driven by the byte sequences programs send, checked cell by cell. */
class ScreenTest {

    private static Fixtures term(int rows, int cols) {
        return new Fixtures(rows, cols);
    }

    @Test
    void writingTheLastColumnWrapsOnlyWhenTheNextCharacterComes() {
        Fixtures f = term(3, 5).feed("abcde");
        assertThat(f.screen().cursorX()).isEqualTo(4);
        assertThat(f.screen().cursorY()).isZero();
        f.feed("\r\n");
        assertThat(f.row(1)).isEmpty();
        assertThat(f.screen().cursorY()).isEqualTo(1);
        f.feed("vwxyz!");
        assertThat(f.row(1)).isEqualTo("vwxyz");
        assertThat(f.row(2)).isEqualTo("!");
        assertThat(f.screen().row(1).wrapped()).isTrue();
        assertThat(f.screen().row(0).wrapped()).isFalse();
    }

    @Test
    void withoutAutowrapTheLastColumnIsOverwritten() {
        Fixtures f = term(2, 5).feed("\033[?7labcdefg");
        assertThat(f.row(0)).isEqualTo("abcdg");
        assertThat(f.row(1)).isEmpty();
    }

    @Test
    void backspaceAfterTheLastColumnCancelsThePendingWrap() {
        Fixtures f = term(2, 4).feed("abcd\bX");
        assertThat(f.row(0)).isEqualTo("abcX");
    }

    @Test
    void wideCharactersTakeTwoCellsAndWrapWhenOnlyOneIsLeft() {
        Fixtures f = term(2, 5).feed("ab日本");
        assertThat(f.row(0)).isEqualTo("ab日");
        assertThat(f.row(1)).isEqualTo("本");
        assertThat(f.screen().row(0).charAt(4)).isEqualTo(TermLine.EMPTY);
        f.feed("\033[1;4Hx");
        assertThat(f.screen().row(0).charAt(2)).isEqualTo(TermLine.EMPTY);
        assertThat(f.row(0)).isEqualTo("ab x");
    }

    @Test
    void combiningMarksDoNotTakeACell() {
        Fixtures f = term(1, 10).feed("e\u0301x");
        assertThat(f.screen().cursorX()).isEqualTo(2);
    }

    @Test
    void scrollRegionKeepsRowsOutsideItAndFeedsNoScrollback() {
        Fixtures f = term(5, 10).feed("1\r\n2\r\n3\r\n4\r\n5");
        f.feed("\033[2;4r");
        assertThat(f.screen().cursorX()).isZero();
        assertThat(f.screen().cursorY()).isZero();
        f.feed("\033[4;1H\nnew");
        assertThat(f.screen().text()).isEqualTo("1\n3\n4\nnew\n5");
        assertThat(f.screen().scrollbackSize()).isZero();
        f.feed("\033[2;1H\033M");
        assertThat(f.screen().text()).isEqualTo("1\n\n3\n4\n5");
    }

    @Test
    void fullScreenScrollingFillsABoundedScrollback() {
        Screen screen = new Screen(3, 10, 4);
        Terminal t = new Terminal(3, 10, b -> { });
        t.feed("l1\r\nl2\r\nl3\r\nl4\r\nl5".getBytes());
        assertThat(t.screen().scrollbackSize()).isEqualTo(2);
        assertThat(t.screen().line(-2).text()).isEqualTo("l1");
        assertThat(t.screen().line(-1).text()).isEqualTo("l2");
        assertThat(t.screen().firstRowNumber()).isEqualTo(2);
        Fixtures f = new Fixtures(3, 10);
        for (int i = 0; i < 6000; i++) {
            f.feed("x" + i + "\r\n");
        }
        assertThat(f.screen().scrollbackSize()).isEqualTo(Screen.SCROLLBACK);
        assertThat(f.screen().line(-Screen.SCROLLBACK).text()).isEqualTo("x" + (6000 - 2 - Screen.SCROLLBACK));
        assertThat(screen.scrollbackSize()).isZero();
    }

    @Test
    void insertAndDeleteLinesWorkInsideTheRegionAndHomeTheColumn() {
        Fixtures f = term(4, 6).feed("a\r\nb\r\nc\r\nd\033[2;3H\033[L");
        assertThat(f.screen().text()).isEqualTo("a\n\nb\nc");
        assertThat(f.screen().cursorX()).isZero();
        f.feed("\033[2M");
        assertThat(f.screen().text()).isEqualTo("a\nc");
        assertThat(f.screen().scrollbackSize()).isZero();
    }

    @Test
    void insertDeleteAndEraseCharacters() {
        Fixtures f = term(1, 10).feed("abcdef\033[1;3H\033[2@");
        assertThat(f.row(0)).isEqualTo("ab  cdef");
        f.feed("\033[3P");
        assertThat(f.row(0)).isEqualTo("abdef");
        f.feed("\033[2X");
        assertThat(f.row(0)).isEqualTo("ab  f");
        f.feed("\033[4h12\033[4l");
        assertThat(f.row(0)).isEqualTo("ab12  f");
    }

    @Test
    void eraseInDisplayAndLineKeepTheBackgroundColour() {
        Fixtures f = term(3, 6).feed("aaaaaa\r\nbbbbbb\r\ncccccc\033[2;3H\033[44m\033[K");
        assertThat(f.screen().text()).isEqualTo("aaaaaa\nbb\ncccccc");
        assertThat(f.screen().row(1).styleAt(4).bg()).isEqualTo(4);
        f.feed("\033[1K");
        assertThat(f.row(1)).isEmpty();
        f.feed("\033[0m\033[J");
        assertThat(f.screen().text()).isEqualTo("aaaaaa");
        f.feed("\033[2J");
        assertThat(f.screen().text()).isEmpty();
        assertThat(f.screen().cursorY()).isEqualTo(1);
    }

    @Test
    void tabStopsDefaultEveryEightAndCanBeSetAndCleared() {
        Fixtures f = term(1, 30).feed("\tx");
        assertThat(f.screen().row(0).charAt(8)).isEqualTo('x');
        f.feed("\033[1;4H\033H\r\ty");
        assertThat(f.screen().row(0).charAt(3)).isEqualTo('y');
        f.feed("\033[3g\r\tz");
        assertThat(f.screen().cursorX()).isEqualTo(29);
        f.feed("\033[1;20H\033[Zw");
        assertThat(f.screen().row(0).charAt(0)).isEqualTo('w');
    }

    @Test
    void cursorMovesAreClampedAndSaveRestoreKeepsTheStyle() {
        Fixtures f = term(5, 10).feed("\033[99;99H");
        assertThat(f.screen().cursorY()).isEqualTo(4);
        assertThat(f.screen().cursorX()).isEqualTo(9);
        f.feed("\033[2;3H\033[1;31m\0337\033[0m\033[5;5H\0338x");
        assertThat(f.screen().row(1).charAt(2)).isEqualTo('x');
        assertThat(f.screen().row(1).styleAt(2)).isEqualTo(new CellStyle(1, CellStyle.DEFAULT_COLOR, CellStyle.BOLD));
        f.feed("\033[3A\033[10D\033[2B\033[4C\033[G\033[3d");
        assertThat(f.screen().cursorY()).isEqualTo(2);
        assertThat(f.screen().cursorX()).isZero();
    }

    @Test
    void originModeMakesPositionsRelativeToTheRegion() {
        Fixtures f = term(6, 10).feed("\033[3;5r\033[?6h\033[1;1Hx\033[9;1Hy\0336n".replace("\0336n", "\033[6n"));
        assertThat(f.screen().row(2).charAt(0)).isEqualTo('x');
        assertThat(f.screen().row(4).charAt(0)).isEqualTo('y');
        assertThat(f.replies).containsExactly("\033[3;2R");
    }

    @Test
    void statusAndCursorPositionReportsGoBackThroughTheReplyCallback() {
        Fixtures f = term(10, 20).feed("\033[5;7H\033[6n\033[5n\033[c\033[?6n\033[18t\033]11;?\007\033]10;?\033\\");
        assertThat(f.replies).containsExactly("\033[5;7R", "\033[0n", "\033[?62;22c", "\033[?5;7R", "\033[8;10;20t",
                "\033]11;rgb:1a1a/1b1b/1e1e\033\\", "\033]10;rgb:d4d4/d4d4/d4d4\033\\");
    }

    @Test
    void alternateScreen1049SavesTheCursorAndRestoresTheMainScreen() {
        Fixtures f = term(4, 10).feed("main\r\nprompt$ ");
        f.feed("\033[?1049h");
        assertThat(f.screen().altScreen()).isTrue();
        assertThat(f.screen().text()).isEmpty();
        f.feed("\033[1;1Hfull screen\r\n1\r\n2\r\n3\r\n4");
        assertThat(f.screen().scrollbackSize()).isZero();
        f.feed("\033[?1049l");
        assertThat(f.screen().altScreen()).isFalse();
        assertThat(f.screen().text()).isEqualTo("main\nprompt$");
        assertThat(f.screen().cursorY()).isEqualTo(1);
        assertThat(f.screen().cursorX()).isEqualTo(8);
    }

    @Test
    void alternateScreens47And1047() {
        Fixtures f = term(2, 10).feed("main\033[?47hALT\033[?47l");
        assertThat(f.row(0)).isEqualTo("main");
        f.feed("\033[?47h");
        assertThat(f.screen().text()).contains("ALT");
        f.feed("\033[?47l\033[?1047h");
        assertThat(f.screen().text()).isEmpty();
        f.feed("\033[?1047l");
        assertThat(f.row(0)).isEqualTo("main");
    }

    @Test
    void modesAreTracked() {
        Fixtures f = term(2, 10).feed("\033[?25l\033[?1h\033[?2004h");
        TerminalModes m = f.screen().modes();
        assertThat(m.cursorVisible()).isFalse();
        assertThat(m.appCursorKeys()).isTrue();
        assertThat(m.bracketedPaste()).isTrue();
        f.feed("\033[?25h\033[?1l\033[?2004l\033[?1000h");
        assertThat(m.cursorVisible()).isTrue();
        assertThat(m.appCursorKeys()).isFalse();
        assertThat(m.bracketedPaste()).isFalse();
        assertThat(m.mouseTracking()).isEqualTo(1000);
        f.feed("\033c");
        assertThat(m.mouseTracking()).isZero();
    }

    @Test
    void decSpecialGraphicsDrawsBoxes() {
        Fixtures f = term(1, 10).feed("\033(0lqk\033(Bq");
        assertThat(f.row(0)).isEqualTo("┌─┐q");
    }

    @Test
    void shrinkingKeepsTheCursorRowVisibleAndGrowingBringsRowsBack() {
        Fixtures f = term(6, 10).feed("1\r\n2\r\n3\r\n4\r\n5\r\n6");
        f.terminal.resize(3, 4);
        assertThat(f.screen().text()).isEqualTo("4\n5\n6");
        assertThat(f.screen().cursorY()).isEqualTo(2);
        assertThat(f.screen().scrollbackSize()).isEqualTo(3);
        f.terminal.resize(5, 4);
        assertThat(f.screen().text()).isEqualTo("2\n3\n4\n5\n6");
        assertThat(f.screen().cursorY()).isEqualTo(4);
        f.feed("ab");
        assertThat(f.screen().cursorX()).isEqualTo(3);
        f.terminal.resize(5, 2);
        assertThat(f.row(4)).isEqualTo("6a");
        assertThat(f.screen().cursorX()).isEqualTo(1);
    }

    @Test
    void shrinkingWithTheCursorAtTheTopDropsRowsBelow() {
        Fixtures f = term(5, 10).feed("top\033[5;1Hbottom\033[1;1H");
        f.terminal.resize(2, 10);
        assertThat(f.screen().text()).isEqualTo("top");
        assertThat(f.screen().scrollbackSize()).isZero();
    }

    @Test
    void repeatAndAlignmentTest() {
        Fixtures f = term(2, 6).feed("ab\033[3b");
        assertThat(f.row(0)).isEqualTo("abbbb");
        f.feed("\033#8");
        assertThat(f.screen().text()).isEqualTo("EEEEEE\nEEEEEE");
    }

    @Test
    void narrowingHidesColumnsThatWideningShowsAgainUnlessErased() {
        Fixtures f = term(2, 10).feed("0123456789\r\nabcdefghij");
        f.terminal.resize(2, 4);
        assertThat(f.screen().text()).isEqualTo("0123\nabcd");
        f.feed("\033[1;3H\033[K");
        f.terminal.resize(2, 10);
        assertThat(f.screen().text()).isEqualTo("01\nabcdefghij");
    }
}
