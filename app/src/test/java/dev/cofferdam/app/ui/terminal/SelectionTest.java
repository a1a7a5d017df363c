package dev.cofferdam.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Selected text from screen and scrollback rows, in reading order, wrapped rows joined. */
class SelectionTest {

    @Test
    void selectsInReadingOrderWhicheverWayTheDragWent() {
        Fixtures f = new Fixtures(4, 10).feed("first\r\nsecond\r\nthird");
        Selection s = new Selection();
        long base = f.screen().firstRowNumber();
        s.start(base + 2, 2);
        s.extend(base, 1);
        assertThat(s.active()).isTrue();
        assertThat(s.text(f.screen())).isEqualTo("irst\nsecond\nthi");
        assertThat(s.contains(base, 0)).isFalse();
        assertThat(s.contains(base + 1, 9)).isTrue();
        assertThat(s.contains(base + 2, 3)).isFalse();
    }

    @Test
    void aClickWithoutDragSelectsNothing() {
        Fixtures f = new Fixtures(2, 10).feed("text");
        Selection s = new Selection();
        s.start(0, 1);
        s.extend(0, 1);
        assertThat(s.active()).isFalse();
        assertThat(s.text(f.screen())).isEmpty();
    }

    @Test
    void wrappedRowsAreJoinedAndTheSelectionFollowsTextIntoTheScrollback() {
        Fixtures f = new Fixtures(3, 5).feed("abcdefgh\r\nnext");
        Selection s = new Selection();
        long base = f.screen().firstRowNumber();
        s.start(base, 0);
        s.extend(base + 2, 3);
        assertThat(s.text(f.screen())).isEqualTo("abcdefgh\nnext");
        f.feed("\r\nmore\r\nlines");
        assertThat(f.screen().scrollbackSize()).isEqualTo(2);
        assertThat(s.text(f.screen())).isEqualTo("abcdefgh\nnext");
    }
}
