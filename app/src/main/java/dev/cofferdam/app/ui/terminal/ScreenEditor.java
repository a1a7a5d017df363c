package dev.cofferdam.app.ui.terminal;

/**
 * The editing operations of a {@link Screen}: erase in display and line, erase, insert and
 * delete characters, insert and delete lines, scroll up and down within the scroll region.
 * Erased cells keep the current background colour. Not thread-safe (the screen's thread).
 */
final class ScreenEditor {
    private final Screen screen;

    ScreenEditor(Screen screen) {
        this.screen = screen;
    }

    private ScreenBuffer buf() {
        return screen.buffer();
    }

    private Cursor cur() {
        return screen.cursor();
    }

    private CellStyle blank() {
        return cur().style.erased();
    }

    /** ED: 0 cursor to end, 1 start to cursor, 2 whole screen, 3 the scrollback. */
    void eraseInDisplay(int mode) {
        switch (mode) {
            case 0 -> {
                eraseInLine(0);
                clearRows(cur().y + 1, screen.rows());
            }
            case 1 -> {
                eraseInLine(1);
                clearRows(0, cur().y);
            }
            case 2 -> clearRows(0, screen.rows());
            case 3 -> buf().clearScrollback();
            default -> { }
        }
    }

    /** Blanks rows [from, to). */
    void clearRows(int from, int to) {
        CellStyle blank = blank();
        for (int y = from; y < to; y++) {
            buf().row(y).erase(0, screen.cols(), blank);
            buf().row(y).setWrapped(false);
            buf().touch(y);
        }
    }

    /** EL: 0 cursor to end of line, 1 start to cursor, 2 whole line. */
    void eraseInLine(int mode) {
        TermLine line = buf().row(cur().y);
        int x = cur().x;
        switch (mode) {
            case 0 -> line.erase(x, screen.cols(), blank());
            case 1 -> line.erase(0, x + 1, blank());
            case 2 -> line.erase(0, screen.cols(), blank());
            default -> { }
        }
        buf().touch(cur().y);
    }

    /** ECH: blanks {@code n} cells from the cursor without moving anything. */
    void eraseChars(int n) {
        buf().row(cur().y).erase(cur().x, cur().x + n, blank());
        buf().touch(cur().y);
        cur().wrapPending = false;
    }

    /** ICH: inserts blanks at the cursor, pushing the rest of the line right. */
    void insertChars(int n) {
        buf().row(cur().y).insert(cur().x, n, blank());
        buf().touch(cur().y);
        cur().wrapPending = false;
    }

    /** DCH: deletes cells at the cursor, pulling the rest of the line left. */
    void deleteChars(int n) {
        buf().row(cur().y).delete(cur().x, n, blank());
        buf().touch(cur().y);
        cur().wrapPending = false;
    }

    /** IL: inside the scroll region only; the cursor goes to column 0. */
    void insertLines(int n) {
        if (inRegion()) {
            buf().scrollDown(cur().y, screen.scrollBottom(), n, blank());
            cur().x = 0;
            cur().wrapPending = false;
        }
    }

    /** DL: inside the scroll region only, nothing goes to the scrollback; the cursor goes to column 0. */
    void deleteLines(int n) {
        if (inRegion()) {
            buf().scrollUp(cur().y, screen.scrollBottom(), n, blank(), false);
            cur().x = 0;
            cur().wrapPending = false;
        }
    }

    private boolean inRegion() {
        return cur().y >= screen.scrollTop() && cur().y <= screen.scrollBottom();
    }

    /** SU, and a line feed at the bottom margin: rows leaving the top of the screen go to the scrollback. */
    void scrollUp(int n) {
        buf().scrollUp(screen.scrollTop(), screen.scrollBottom(), n, blank(), true);
    }

    /** SD, and a reverse index at the top margin. */
    void scrollDown(int n) {
        buf().scrollDown(screen.scrollTop(), screen.scrollBottom(), n, blank());
    }
}
