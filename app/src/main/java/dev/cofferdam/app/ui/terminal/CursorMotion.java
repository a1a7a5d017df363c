package dev.cofferdam.app.ui.terminal;

/**
 * Cursor movement on a {@link Screen}: absolute and relative moves (clamped to the screen, or to
 * the scroll region in origin mode and for vertical moves that start inside it), tabs, and the
 * controls that move down or up a row and scroll the region at its margins. Not thread-safe.
 */
public final class CursorMotion {
    private final Screen screen;
    private final Cursor cur;

    CursorMotion(Screen screen) {
        this.screen = screen;
        this.cur = screen.cursor();
    }

    private TabStops tabs() {
        return screen.tabs();
    }

    public void carriageReturn() {
        cur.x = 0;
        cur.wrapPending = false;
    }

    public void backspace() {
        if (cur.wrapPending) {
            cur.wrapPending = false;
        } else if (cur.x > 0) {
            cur.x--;
        }
    }

    public void tab(int n) {
        for (int i = 0; i < n; i++) {
            cur.x = tabs().next(cur.x);
        }
        cur.wrapPending = false;
    }

    public void backTab(int n) {
        for (int i = 0; i < n; i++) {
            cur.x = tabs().previous(cur.x);
        }
        cur.wrapPending = false;
    }

    /** IND (and LF, VT, FF): down one row, scrolling the region at its bottom margin. */
    public void index() {
        cur.wrapPending = false;
        if (cur.y == screen.scrollBottom()) {
            screen.edit().scrollUp(1);
        } else if (cur.y < screen.rows() - 1) {
            cur.y++;
        }
    }

    /** RI: up one row, scrolling the region down at its top margin. */
    public void reverseIndex() {
        cur.wrapPending = false;
        if (cur.y == screen.scrollTop()) {
            screen.edit().scrollDown(1);
        } else if (cur.y > 0) {
            cur.y--;
        }
    }

    /** LF with the newline mode (LNM) applied. */
    public void lineFeed() {
        index();
        if (screen.modes().newline) {
            cur.x = 0;
        }
    }

    /** CUP: moves to a 0-based row and column, relative to the scroll region in origin mode. */
    public void to(int row, int col) {
        int base = screen.modes().origin ? screen.scrollTop() : 0;
        int max = screen.modes().origin ? screen.scrollBottom() : screen.rows() - 1;
        cur.y = clamp(row + base, base, max);
        cur.x = clamp(col, 0, screen.cols() - 1);
        cur.wrapPending = false;
    }

    public void toColumn(int col) {
        to(cur.y - (screen.modes().origin ? screen.scrollTop() : 0), col);
    }

    public void toRow(int row) {
        to(row, cur.x);
    }

    /** CUU: stops at the top margin when starting inside the region. */
    public void up(int n) {
        cur.y = Math.max(cur.y >= screen.scrollTop() ? screen.scrollTop() : 0, cur.y - n);
        cur.wrapPending = false;
    }

    /** CUD: stops at the bottom margin when starting inside the region. */
    public void down(int n) {
        cur.y = Math.min(cur.y <= screen.scrollBottom() ? screen.scrollBottom() : screen.rows() - 1, cur.y + n);
        cur.wrapPending = false;
    }

    public void right(int n) {
        cur.x = clamp(cur.x + n, 0, screen.cols() - 1);
        cur.wrapPending = false;
    }

    public void left(int n) {
        cur.x = clamp(cur.x - n, 0, screen.cols() - 1);
        cur.wrapPending = false;
    }

    /** Row of the cursor relative to the origin (for the cursor position report). */
    public int reportRow() {
        return screen.modes().origin ? cur.y - screen.scrollTop() : cur.y;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
