package dev.cofferdam.app.ui.terminal;

/** What DECSC saves and DECRC restores. Immutable. */
record SavedCursor(int x, int y, CellStyle style, boolean wrapPending, boolean originMode, boolean autowrap,
                   boolean g0Graphics, boolean g1Graphics, int shift) {
    static final SavedCursor HOME = new SavedCursor(0, 0, CellStyle.DEFAULT, false, false, true, false, false, 0);
}
