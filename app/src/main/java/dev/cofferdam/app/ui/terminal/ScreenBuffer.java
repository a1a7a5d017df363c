package dev.cofferdam.app.ui.terminal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The rows of one screen (main or alternate) and, for the main screen, the bounded scrollback of
 * rows that scrolled off its top. Tracks which visible rows changed since the view last drew them.
 * Not thread-safe.
 */
final class ScreenBuffer {
    private final int scrollbackLimit;
    private final ArrayDeque<TermLine> scrollback = new ArrayDeque<>();
    private final BitSet dirty = new BitSet();
    private TermLine[] rows;
    private int cols;
    private long scrolledOff;

    /** @param scrollbackLimit rows kept above the screen; 0 for none (the alternate screen) */
    ScreenBuffer(int rows, int cols, int scrollbackLimit) {
        this.scrollbackLimit = scrollbackLimit;
        this.cols = cols;
        this.rows = new TermLine[rows];
        for (int y = 0; y < rows; y++) {
            this.rows[y] = new TermLine(cols, CellStyle.DEFAULT);
        }
        dirty.set(0, rows);
    }

    int rows() {
        return rows.length;
    }

    int cols() {
        return cols;
    }

    TermLine row(int y) {
        return rows[y];
    }

    /** Marks a row changed. */
    void touch(int y) {
        dirty.set(y);
    }

    void touchAll() {
        dirty.set(0, rows.length);
    }

    /** The rows changed since the last call, then forgets them. */
    BitSet takeDirty() {
        BitSet d = (BitSet) dirty.clone();
        dirty.clear();
        return d;
    }

    int scrollbackSize() {
        return scrollback.size();
    }

    /** Rows ever pushed into the scrollback (also counting those since dropped): the base of absolute row numbers. */
    long scrolledOff() {
        return scrolledOff;
    }

    /** Scrollback row {@code i}, 0 the oldest kept. */
    TermLine scrollbackRow(int i) {
        int k = 0;
        for (TermLine l : scrollback) {
            if (k++ == i) {
                return l;
            }
        }
        throw new IndexOutOfBoundsException(i);
    }

    /** The last {@code n} scrollback rows, oldest first. */
    List<TermLine> scrollbackTail(int n) {
        List<TermLine> out = new ArrayList<>(n);
        var it = scrollback.descendingIterator();
        for (int i = 0; i < n && it.hasNext(); i++) {
            out.add(0, it.next());
        }
        return out;
    }

    /**
     * Scrolls rows [top, bottom] up by {@code n}; with {@code keep}, rows leaving the top of the
     * screen go to the scrollback.
     */
    void scrollUp(int top, int bottom, int n, CellStyle blank, boolean keep) {
        n = Math.min(n, bottom - top + 1);
        for (int i = 0; i < n; i++) {
            TermLine gone = rows[top];
            System.arraycopy(rows, top + 1, rows, top, bottom - top);
            rows[bottom] = new TermLine(cols, blank);
            if (keep && top == 0 && scrollbackLimit > 0) {
                keep(gone);
            }
        }
        dirty.set(top, bottom + 1);
    }

    /** Scrolls rows [top, bottom] down by {@code n}, blank rows entering at the top. */
    void scrollDown(int top, int bottom, int n, CellStyle blank) {
        n = Math.min(n, bottom - top + 1);
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows, top, rows, top + 1, bottom - top);
            rows[top] = new TermLine(cols, blank);
        }
        dirty.set(top, bottom + 1);
    }

    private void keep(TermLine line) {
        scrollback.addLast(line);
        scrolledOff++;
        if (scrollback.size() > scrollbackLimit) {
            scrollback.removeFirst();
        }
    }

    /**
     * Changes the size without reflowing. Shrinking pushes rows above the cursor into the
     * scrollback when the cursor would fall off the bottom; growing brings scrollback rows back.
     *
     * @return how many rows the content moved down (negative: up), to move the cursor by
     */
    int resize(int newRows, int newCols, int cursorY) {
        for (TermLine l : rows) {
            l.resize(newCols);
        }
        for (TermLine l : scrollback) {
            if (l.cols() != newCols) {
                l.resize(newCols);
            }
        }
        cols = newCols;
        List<TermLine> all = new ArrayList<>(List.of(rows));
        int shift = 0;
        if (newRows < all.size()) {
            int up = Math.max(0, cursorY - (newRows - 1));
            for (int i = 0; i < up; i++) {
                TermLine top = all.remove(0);
                if (scrollbackLimit > 0) {
                    keep(top);
                }
            }
            shift = -up;
            while (all.size() > newRows) {
                all.remove(all.size() - 1);
            }
        } else {
            while (all.size() < newRows && scrollbackLimit > 0 && !scrollback.isEmpty()) {
                all.add(0, scrollback.removeLast());
                scrolledOff--;
                shift++;
            }
            while (all.size() < newRows) {
                all.add(new TermLine(newCols, CellStyle.DEFAULT));
            }
        }
        rows = all.toArray(new TermLine[0]);
        dirty.clear();
        dirty.set(0, newRows);
        return shift;
    }

    void clearScrollback() {
        scrollback.clear();
    }
}
