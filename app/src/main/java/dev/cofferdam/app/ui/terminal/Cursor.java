package dev.cofferdam.app.ui.terminal;

/**
 * The cursor: position, the pending-wrap flag (set after writing the last column, so the wrap
 * happens only when another character comes), the style for new characters, and the G0/G1
 * character sets with the one in use. Saves and restores all of it (DECSC/DECRC) together with
 * the origin and autowrap modes. Not thread-safe.
 */
final class Cursor {
    int x;
    int y;
    boolean wrapPending;
    CellStyle style = CellStyle.DEFAULT;
    private final boolean[] graphics = new boolean[2];
    private int shift;

    /** Maps a printed code point through the character set in use. */
    int translate(int cp) {
        return graphics[shift] ? DecGraphics.map(cp) : cp;
    }

    void designate(int g, boolean decGraphics) {
        graphics[g] = decGraphics;
    }

    void shiftTo(int g) {
        shift = g;
    }

    SavedCursor save(TerminalModes modes) {
        return new SavedCursor(x, y, style, wrapPending, modes.origin, modes.autowrap, graphics[0], graphics[1], shift);
    }

    void restore(SavedCursor s, TerminalModes modes, int rows, int cols) {
        x = Math.min(s.x(), cols - 1);
        y = Math.min(s.y(), rows - 1);
        style = s.style();
        wrapPending = s.wrapPending();
        modes.origin = s.originMode();
        modes.autowrap = s.autowrap();
        graphics[0] = s.g0Graphics();
        graphics[1] = s.g1Graphics();
        shift = s.shift();
    }

    void reset() {
        x = 0;
        y = 0;
        wrapPending = false;
        style = CellStyle.DEFAULT;
        graphics[0] = false;
        graphics[1] = false;
        shift = 0;
    }
}
