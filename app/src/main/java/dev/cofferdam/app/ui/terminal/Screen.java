package dev.cofferdam.app.ui.terminal;

import java.util.BitSet;

/**
 * The screen of a VT100/xterm-style terminal: the main buffer (with a bounded scrollback) and the
 * alternate one, the cursor, the scroll region, tab stops and modes. The parser's dispatchers call
 * its operations (editing ones through {@link #edit()}); the view reads rows and the cursor.
 * Coordinates are 0-based. Not thread-safe: one thread (the FX thread in the app) owns it.
 */
public final class Screen {
    public static final int SCROLLBACK = 5_000;

    private final ScreenBuffer main;
    private final ScreenBuffer alt;
    private final TabStops tabs;
    private final TerminalModes modes = new TerminalModes();
    private final Cursor cursor = new Cursor();
    private final ScreenEditor editor = new ScreenEditor(this);
    private final CursorMotion motion = new CursorMotion(this);
    private ScreenBuffer active;
    private int rows;
    private int cols;
    private int top;
    private int bottom;
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

    // ---- reading ---------------------------------------------------------------------------

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int cursorX() {
        return cursor.x;
    }

    public int cursorY() {
        return cursor.y;
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
        return cursor.style;
    }

    public int scrollTop() {
        return top;
    }

    public int scrollBottom() {
        return bottom;
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

    ScreenBuffer buffer() {
        return active;
    }

    TabStops tabs() {
        return tabs;
    }

    Cursor cursor() {
        return cursor;
    }

    ScreenEditor edit() {
        return editor;
    }

    /** Cursor movement and the C0 controls that move it. */
    public CursorMotion move() {
        return motion;
    }

    // ---- writing characters ----------------------------------------------------

    /** Writes a printable character at the cursor (autowrap with the pending-wrap rule, insert mode). */
    public void print(int cp) {
        int ch = cursor.translate(cp);
        int width = CharWidth.of(ch);
        if (width == 0) {
            return;
        }
        if (cursor.wrapPending && modes.autowrap) {
            wrapLine();
        }
        if (width == 2 && cursor.x == cols - 1) {
            if (!modes.autowrap || cols < 2) {
                return;
            }
            active.row(cursor.y).put(cursor.x, TermLine.EMPTY, 1, cursor.style);
            wrapLine();
        }
        TermLine line = active.row(cursor.y);
        if (modes.insert) {
            line.insert(cursor.x, width, cursor.style);
        }
        line.put(cursor.x, ch, width, cursor.style);
        active.touch(cursor.y);
        lastChar = ch;
        cursor.x += width;
        cursor.wrapPending = cursor.x >= cols && modes.autowrap;
        cursor.x = Math.min(cursor.x, cols - 1);
    }

    private void wrapLine() {
        active.row(cursor.y).setWrapped(true);
        cursor.x = 0;
        motion.index();
    }

    /** REP: repeats the last printed character. */
    public void repeat(int n) {
        for (int i = 0; i < Math.min(n, rows * cols); i++) {
            print(lastChar);
        }
    }

    public void setTabStop() {
        tabs.set(cursor.x);
    }

    /** TBC: 0 clears the stop at the cursor, 3 all stops. */
    public void clearTabStop(int mode) {
        if (mode == 0) {
            tabs.clear(cursor.x);
        } else if (mode == 3) {
            tabs.clearAll();
        }
    }

    public void setStyle(CellStyle style) {
        cursor.style = style;
    }

    /** DECSC: each screen has its own saved cursor. */
    public void saveCursor() {
        SavedCursor s = cursor.save(modes);
        if (active == alt) {
            savedAlt = s;
        } else {
            savedMain = s;
        }
    }

    public void restoreCursor() {
        cursor.restore(active == alt ? savedAlt : savedMain, modes, rows, cols);
    }

    // ---- margins, modes, screens, reset, resize ------------------------------------------------

    /** DECSTBM with 0-based inclusive margins; an invalid region is ignored. The cursor goes home. */
    public void setScrollRegion(int t, int b) {
        t = clamp(t, 0, rows - 1);
        b = clamp(b, 0, rows - 1);
        if (t >= b) {
            return;
        }
        top = t;
        bottom = b;
        motion.to(0, 0);
    }

    /** Switches to the alternate screen or back; {@code clear} blanks it on entry. */
    public void useAltScreen(boolean on, boolean clear) {
        if (on == (active == alt)) {
            return;
        }
        active = on ? alt : main;
        if (on && clear) {
            editor.clearRows(0, rows);
        }
        active.touchAll();
    }

    /** DECOM; the cursor goes home when it is set or reset. */
    public void setOriginMode(boolean on) {
        modes.origin = on;
        motion.to(0, 0);
    }

    /** RIS: everything back to the start, screens blanked, scrollback kept. */
    public void reset() {
        useAltScreen(false, false);
        modes.reset();
        cursor.reset();
        top = 0;
        bottom = rows - 1;
        savedMain = SavedCursor.HOME;
        savedAlt = SavedCursor.HOME;
        tabs.reset();
        editor.eraseInDisplay(2);
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
        motion.to(0, 0);
    }

    /** Changes the size without reflowing; content keeps its place near the cursor, the cursor is clamped. */
    public void resize(int newRows, int newCols) {
        if (newRows < 1 || newCols < 1 || newRows == rows && newCols == cols) {
            return;
        }
        boolean onMain = active == main;
        int movedMain = main.resize(newRows, newCols, onMain ? cursor.y : savedMain.y());
        int movedAlt = alt.resize(newRows, newCols, onMain ? 0 : cursor.y);
        rows = newRows;
        cols = newCols;
        tabs.resize(newCols);
        top = 0;
        bottom = newRows - 1;
        cursor.y = clamp(cursor.y + (onMain ? movedMain : movedAlt), 0, rows - 1);
        cursor.x = clamp(cursor.x, 0, cols - 1);
        cursor.wrapPending = false;
        savedMain = clampSaved(savedMain, movedMain);
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
