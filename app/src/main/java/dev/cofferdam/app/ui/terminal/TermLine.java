package dev.cofferdam.app.ui.terminal;

import java.util.Arrays;

/**
 * One row of cells. A cell holds a code point ({@link #EMPTY} for never written, shown as a
 * space) and a style; a wide character takes its cell and the next, which holds {@link #WIDE_TAIL}.
 * {@link #wrapped()} tells that the text continues on the next row (autowrap), for copying.
 * Narrowing keeps the cells past the new width (hidden), so widening again shows them; erasing
 * to the end of the row clears them too. Not thread-safe.
 */
public final class TermLine {
    public static final int EMPTY = 0;
    public static final int WIDE_TAIL = -1;

    private int[] chars;
    private CellStyle[] styles;
    private boolean wrapped;
    private int cols;

    TermLine(int cols, CellStyle style) {
        this.cols = cols;
        chars = new int[cols];
        styles = new CellStyle[cols];
        Arrays.fill(styles, style);
    }

    public int cols() {
        return cols;
    }

    public int charAt(int col) {
        return chars[col];
    }

    public CellStyle styleAt(int col) {
        return styles[col];
    }

    public boolean wrapped() {
        return wrapped;
    }

    void setWrapped(boolean wrapped) {
        this.wrapped = wrapped;
    }

    /** Writes a character (width 1 or 2) at {@code col}, splitting any wide character it overlaps. */
    void put(int col, int cp, int width, CellStyle style) {
        unsplit(col);
        if (width == 2 && col + 1 < cols) {
            unsplit(col + 1);
            chars[col + 1] = WIDE_TAIL;
            styles[col + 1] = style;
        }
        chars[col] = cp;
        styles[col] = style;
    }

    /** Before overwriting {@code col}: blanks the other half of a wide character there. */
    private void unsplit(int col) {
        if (chars[col] == WIDE_TAIL && col > 0) {
            chars[col - 1] = EMPTY;
        } else if (col + 1 < cols && chars[col + 1] == WIDE_TAIL) {
            chars[col + 1] = EMPTY;
        }
    }

    /** Blanks columns [from, to) with {@code style}. */
    void erase(int from, int to, CellStyle style) {
        from = Math.max(0, from);
        to = to >= cols ? chars.length : to;
        if (from >= to) {
            return;
        }
        unsplit(from);
        if (to < cols) {
            unsplit(to - 1);
        }
        Arrays.fill(chars, from, to, EMPTY);
        Arrays.fill(styles, from, to, style);
        if (to == chars.length) {
            wrapped = false;
        }
    }

    /** Inserts {@code n} blanks at {@code col}, shifting the rest right (cells pushed off are lost). */
    void insert(int col, int n, CellStyle style) {
        n = Math.min(n, cols - col);
        unsplit(col);
        System.arraycopy(chars, col, chars, col + n, cols - col - n);
        System.arraycopy(styles, col, styles, col + n, cols - col - n);
        Arrays.fill(chars, col, col + n, EMPTY);
        Arrays.fill(styles, col, col + n, style);
        clearCutWide();
    }

    /** Deletes {@code n} cells at {@code col}, shifting the rest left and blanking the end. */
    void delete(int col, int n, CellStyle style) {
        n = Math.min(n, cols - col);
        unsplit(col);
        System.arraycopy(chars, col + n, chars, col, cols - col - n);
        System.arraycopy(styles, col + n, styles, col, cols - col - n);
        Arrays.fill(chars, cols - n, cols, EMPTY);
        Arrays.fill(styles, cols - n, cols, style);
        if (chars[col] == WIDE_TAIL) {
            chars[col] = EMPTY;
        }
    }

    /** Changes the width; cells past a smaller width are kept hidden, new cells are blank. */
    void resize(int newCols) {
        if (newCols > chars.length) {
            int old = chars.length;
            chars = Arrays.copyOf(chars, newCols);
            styles = Arrays.copyOf(styles, newCols);
            Arrays.fill(styles, old, newCols, CellStyle.DEFAULT);
        }
        cols = newCols;
        clearCutWide();
    }

    /** A wide character in the last column has lost its second half: blank it. */
    private void clearCutWide() {
        int last = cols - 1;
        if (last >= 0 && chars[last] > 0 && CharWidth.of(chars[last]) == 2) {
            chars[last] = EMPTY;
        }
    }

    /** The text of columns [from, to), wide-character tails skipped, trailing blanks kept. */
    public String text(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int c = Math.max(0, from); c < Math.min(to, cols); c++) {
            int cp = chars[c];
            if (cp == WIDE_TAIL) {
                continue;
            }
            sb.appendCodePoint(cp == EMPTY ? ' ' : cp);
        }
        return sb.toString();
    }

    /** The whole row's text without trailing blanks. */
    public String text() {
        return text(0, cols).stripTrailing();
    }
}
