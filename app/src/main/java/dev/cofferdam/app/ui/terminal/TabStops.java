package dev.cofferdam.app.ui.terminal;

import java.util.BitSet;

/** Horizontal tab stops, every 8 columns until changed (HTS, TBC). Not thread-safe. */
final class TabStops {
    private final BitSet stops = new BitSet();
    private int cols;

    TabStops(int cols) {
        resize(cols);
    }

    /** Keeps the stops set so far and puts default stops in the new columns. */
    void resize(int newCols) {
        for (int c = cols; c < newCols; c++) {
            stops.set(c, c > 0 && c % 8 == 0);
        }
        if (newCols < cols) {
            stops.clear(newCols, cols);
        }
        cols = newCols;
    }

    void reset() {
        stops.clear();
        int c = cols;
        cols = 0;
        resize(c);
    }

    void set(int col) {
        stops.set(col);
    }

    void clear(int col) {
        stops.clear(col);
    }

    void clearAll() {
        stops.clear();
    }

    /** The next stop after {@code col}, or the last column. */
    int next(int col) {
        int n = stops.nextSetBit(col + 1);
        return n < 0 || n >= cols ? cols - 1 : n;
    }

    /** The previous stop before {@code col}, or column 0. */
    int previous(int col) {
        int p = col <= 0 ? -1 : stops.previousSetBit(col - 1);
        return Math.max(0, p);
    }
}
