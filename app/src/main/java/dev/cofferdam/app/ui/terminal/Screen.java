package dev.cofferdam.app.ui.terminal;

import java.util.BitSet;

/**
 * The screen of a VT100/xterm-style terminal: the main and alternate buffers, the cursor, the
 * scroll region, tab stops and the modes that change how characters are written. The parser's
 * dispatchers call these operations; the view reads rows and the cursor. Coordinates are 0-based.
 * Not thread-safe: one thread (the FX thread in the app) owns it.
 */
public final class Screen {
    public static final int SCROLLBACK = 5_000;

    private final ScreenBuffer main;
    private final ScreenBuffer alt;
    private final TabStops tabs;
    private final TerminalModes modes = new TerminalModes();
    private ScreenBuffer active;
    private int rows;
    private int cols;
    private int cx;
    private int cy;
    private boolean wrapPending;
    private CellStyle style = CellStyle.DEFAULT;
    private int top;
    private int bottom;
    private final boolean[] graphics = new boolean[2];
    private int shift;
    private SavedCursor savedMain = SavedCursor.HOME;
    private SavedCursor savedAlt = SavedCursor.HOME;
    private int lastChar = ' ';

    public Screen(int rows, int cols) {
        this(rows, cols, SCROLLBACK);
    }

    public Screen(int rows, int cols, int scrollback) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("terminal size out of range: " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        main = new ScreenBuffer(rows, cols, scrollback);
        alt = new ScreenBuffer(rows, cols, 0);
        active = main;
        tabs = new TabStops(cols);
        bottom = rows - 1;
    }

    // ---- reading -------------------------------------------------------------------------

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int cursorX() {
        return cx;
    }

    public int cursorY() {
        return cy;
    }

    public TermLine row(int y) {
        return active.row(y);
    }

    public TerminalModes modes() {
        return modes;
    }

    public boolean altScreen() {
        return active == alt;
    }

    public CellStyle style() {
        return style;
    }

    /** Rows above the screen that can be scrolled back to (none on the alternate screen). */
    public int scrollbackSize() {
        return active.scrollbackSize();
    }

    /** Row {@code y} counted from the screen's top, negative rows reaching into the scrollback. */
    public TermLine line(int y) {
        return y >= 0 ? active.row(y) : active.scrollbackRow(active.scrollbackSize() + y);
    }

    /** The absolute number of screen row 0: grows as rows scroll into the scrollback (for selections). */
    public long firstRowNumber() {
        return active.scrolledOff();
    }

    /** Visible rows changed since the last call. */
    public BitSet takeDirty() {
        return active.takeDirty();
    }

    /** The visible text, rows joined by newlines, trailing blanks dropped (for tests and copy). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < rows; y++) {
            sb.append(active.row(y).text()).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    // ---- writing characters --------------------------------------------------------------

    /** Writes a printable character at the cursor (autowrap with the pending-wrap rule, insert mode). */
    public void print(int cp) {
        int ch = graphics[shift] ? DecGraphics.map(cp) : cp;
        int width = CharWidth.of(ch);
        if (width == 0) {
            return;
        }
        if (wrapPending && modes.autowrap) {
            wrapLine();
        }
        if (width == 2 && cx == cols - 1) {
            if (!modes.autowrap || cols < 2) {
                return;
            }
            active.row(cy).put(cx, TermLine.EMPTY, 1, style);
            wrapLine();
        }
        TermLine line = active.row(cy);
        if (modes.insert) {
            line.insert(cx, width, style);
        }
        line.put(cx, ch, width, style);
        active.touch(cy);
        lastChar = ch;
        cx += width;
        if (cx >= cols) {
            cx = cols - 1;
            wrapPending = modes.autowrap;
        } else {
            wrapPending = false;
        }
    }

    private void wrapLine() {
        active.row(cy).setWrapped(true);
        cx = 0;
        wrapPending = false;
        index();
    }

    /** REP: repeats the last printed character. */
    public void repeat(int n) {
        for (int i = 0; i < Math.min(n, rows * cols); i++) {
            print(lastChar);
        }
    }

    // ---- C0 controls and simple escapes ------------------------------------------------------

    public void carriageReturn() {
        cx = 0;
        wrapPending = false;
    }

    public void backspace() {
        if (wrapPending) {
            wrapPending = false;
        } else if (cx > 0) {
            cx--;
        }
    }

    public void tab(int n) {
        for (int i = 0; i < n; i++) {
            cx = tabs.next(cx);
        }
        wrapPending = false;
    }

    public void backTab(int n) {
        for (int i = 0; i < n; i++) {
            cx = tabs.previous(cx);
        }
        wrapPending = false;
    }

    /** LF, VT, FF and IND: down one row, scrolling the region at its bottom margin. */
    public void index() {
        wrapPending = false;
        if (cy == bottom) {
            active.scrollUp(top, bottom, 1, style.erased(), true);
        } else if (cy < rows - 1) {
            cy++;
        }
    }

    /** RI: up one row, scrolling the region down at its top margin. */
    public void reverseIndex() {
        wrapPending = false;
        if (cy == top) {
            active.scrollDown(top, bottom, 1, style.erased());
        } else if (cy > 0) {
            cy--;
        }
    }

    /** LF with the newline mode (LNM) applied. */
    public void lineFeed() {
        index();
        if (modes.newline) {
            cx = 0;
        }
    }

    public void setTabStop() {
        tabs.set(cx);
    }

    /** TBC: 0 clears the stop at the cursor, 3 all stops. */
    public void clearTabStop(int mode) {
        if (mode == 0) {
            tabs.clear(cx);
        } else if (mode == 3) {
            tabs.clearAll();
        }
    }

    /** Designates G0 or G1 as DEC special graphics ({@code true}) or ASCII. */
    public void designate(int g, boolean decGraphics) {
        graphics[g] = decGraphics;
    }

    /** SO (1) and SI (0): which of G0/G1 is in use. */
    public void shiftTo(int g) {
        shift = g;
    }

    public void setStyle(CellStyle style) {
        this.style = style;
    }

    // ---- cursor movement -------------------------------------------------------------------

    /** CUP: moves to a 0-based row and column, relative to the scroll region in origin mode. */
    public void moveTo(int row, int col) {
        int base = modes.origin ? top : 0;
        int max = modes.origin ? bottom : rows - 1;
        cy = clamp(row + base, base, max);
        cx = clamp(col, 0, cols - 1);
        wrapPending = false;
    }

    public void moveToColumn(int col) {
        cx = clamp(col, 0, cols - 1);
        wrapPending = false;
    }

    public void moveToRow(int row) {
        moveTo(row, cx);
    }

    /** CUU/CUD: vertical moves stop at the scroll margins when starting inside the region. */
    public void moveUp(int n) {
        int limit = cy >= top ? top : 0;
        cy = Math.max(limit, cy - n);
        wrapPending = false;
    }

    public void moveDown(int n) {
        int limit = cy <= bottom ? bottom : rows - 1;
        cy = Math.min(limit, cy + n);
        wrapPending = false;
    }

    public void moveRight(int n) {
        cx = clamp(cx + n, 0, cols - 1);
        wrapPending = false;
    }

    public void moveLeft(int n) {
        cx = clamp(cx - n, 0, cols - 1);
        wrapPending = false;
    }

    /** Row of the cursor relative to the origin (for DSR 6). */
    public int reportRow() {
        return modes.origin ? cy - top : cy;
    }

    public void saveCursor() {
        SavedCursor s = new SavedCursor(cx, cy, style, wrapPending, modes.origin, modes.autowrap,
                graphics[0], graphics[1], shift);
        if (active == alt) {
            savedAlt = s;
        } else {
            savedMain = s;
        }
    }

    public void restoreCursor() {
        SavedCursor s = active == alt ? savedAlt : savedMain;
        cx = Math.min(s.x(), cols - 1);
        cy = Math.min(s.y(), rows - 1);
        style = s.style();
        wrapPending = s.wrapPending();
        modes.origin = s.originMode();
        modes.autowrap = s.autowrap();
        graphics[0] = s.g0Graphics();
        graphics[1] = s.g1Graphics();
        shift = s.shift();
    }

    // ---- erasing, inserting, deleting --------------------------------------------------------

    /** ED: 0 cursor to end, 1 start to cursor, 2 whole screen, 3 the scrollback. */
    public void eraseInDisplay(int mode) {
        CellStyle blank = style.erased();
        switch (mode) {
            case 0 -> {
                eraseInLine(0);
                for (int y = cy + 1; y < rows; y++) {
                    clearRow(y, blank);
                }
            }
            case 1 -> {
                eraseInLine(1);
                for (int y = 0; y < cy; y++) {
                    clearRow(y, blank);
                }
            }
            case 2 -> {
                for (int y = 0; y < rows; y++) {
                    clearRow(y, blank);
                }
            }
            case 3 -> active.clearScrollback();
            default -> { }
        }
    }

    private void clearRow(int y, CellStyle blank) {
        active.row(y).erase(0, cols, blank);
        active.row(y).setWrapped(false);
        active.touch(y);
    }

    /** EL: 0 cursor to end of line, 1 start to cursor, 2 whole line. */
    public void eraseInLine(int mode) {
        TermLine line = active.row(cy);
        CellStyle blank = style.erased();
        switch (mode) {
            case 0 -> line.erase(cx, cols, blank);
            case 1 -> line.erase(0, cx + 1, blank);
            case 2 -> line.erase(0, cols, blank);
            default -> { }
        }
        active.touch(cy);
    }

    /** ECH: blanks {@code n} cells from the cursor without moving anything. */
    public void eraseChars(int n) {
        active.row(cy).erase(cx, cx + n, style.erased());
        active.touch(cy);
        wrapPending = false;
    }

    /** ICH. */
    public void insertChars(int n) {
        active.row(cy).insert(cx, n, style.erased());
        active.touch(cy);
        wrapPending = false;
    }

    /** DCH. */
    public void deleteChars(int n) {
        active.row(cy).delete(cx, n, style.erased());
        active.touch(cy);
        wrapPending = false;
    }

    /** IL: inside the scroll region only; the cursor goes to column 0. */
    public void insertLines(int n) {
        if (cy >= top && cy <= bottom) {
            active.scrollDown(cy, bottom, n, style.erased());
            cx = 0;
            wrapPending = false;
        }
    }

    /** DL: inside the scroll region only; the cursor goes to column 0. */
    public void deleteLines(int n) {
        if (cy >= top && cy <= bottom) {
            scrollRegionUp(cy, n);
            cx = 0;
            wrapPending = false;
        }
    }

    /** SU: rows scrolled off the top of a full-width region go to the scrollback. */
    public void scrollUp(int n) {
        active.scrollUp(top, bottom, n, style.erased(), true);
    }

    private void scrollRegionUp(int from, int n) {
        active.scrollUp(from, bottom, n, style.erased(), false);
    }

    /** SD. */
    public void scrollDown(int n) {
        active.scrollDown(top, bottom, n, style.erased());
    }

    /** DECSTBM with 0-based inclusive margins; an invalid region is ignored. The cursor goes home. */
    public void setScrollRegion(int t, int b) {
        t = clamp(t, 0, rows - 1);
        b = clamp(b, 0, rows - 1);
        if (t >= b) {
            return;
        }
        top = t;
        bottom = b;
        moveTo(0, 0);
    }

    public int scrollTop() {
        return top;
    }

    public int scrollBottom() {
        return bottom;
    }

    // ---- modes, screens, reset, resize ------------------------------------------------------

    /** Switches to the alternate screen (1047/47) or back; {@code clear} blanks it on entry. */
    public void useAltScreen(boolean on, boolean clear) {
        if (on == (active == alt)) {
            return;
        }
        active = on ? alt : main;
        if (on && clear) {
            for (int y = 0; y < rows; y++) {
                clearRow(y, CellStyle.DEFAULT);
            }
        }
        active.touchAll();
    }

    /** Origin mode moves the cursor home when set or reset. */
    public void setOriginMode(boolean on) {
        modes.origin = on;
        moveTo(0, 0);
    }

    /** RIS: everything back to the start, screens blanked, scrollback kept. */
    public void reset() {
        useAltScreen(false, false);
        modes.reset();
        style = CellStyle.DEFAULT;
        top = 0;
        bottom = rows - 1;
        graphics[0] = false;
        graphics[1] = false;
        shift = 0;
        savedMain = SavedCursor.HOME;
        savedAlt = SavedCursor.HOME;
        tabs.reset();
        eraseInDisplay(2);
        moveTo(0, 0);
    }

    /** DECALN: fills the screen with E (a test pattern). */
    public void alignmentTest() {
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                active.row(y).put(x, 'E', 1, CellStyle.DEFAULT);
            }
            active.touch(y);
        }
        top = 0;
        bottom = rows - 1;
        moveTo(0, 0);
    }

    /** Changes the size without reflowing; content keeps its place near the cursor, the cursor is clamped. */
    public void resize(int newRows, int newCols) {
        if (newRows < 1 || newCols < 1 || newRows == rows && newCols == cols) {
            return;
        }
        int shiftMain = main.resize(newRows, newCols, active == main ? cy : savedMain.y());
        int shiftAlt = alt.resize(newRows, newCols, active == alt ? cy : 0);
        int moved = active == main ? shiftMain : shiftAlt;
        rows = newRows;
        cols = newCols;
        tabs.resize(newCols);
        top = 0;
        bottom = newRows - 1;
        cy = clamp(cy + moved, 0, rows - 1);
        cx = clamp(cx, 0, cols - 1);
        wrapPending = false;
        savedMain = clampSaved(savedMain, active == main ? 0 : shiftMain);
        savedAlt = clampSaved(savedAlt, 0);
    }

    private SavedCursor clampSaved(SavedCursor s, int moved) {
        return new SavedCursor(clamp(s.x(), 0, cols - 1), clamp(s.y() + moved, 0, rows - 1), s.style(),
                false, s.originMode(), s.autowrap(), s.g0Graphics(), s.g1Graphics(), s.shift());
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
