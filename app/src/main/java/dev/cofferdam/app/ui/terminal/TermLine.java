package dev.cofferdam.app.ui.terminal;

import java.util.Arrays;

/**
 * One row of cells. A cell holds a code point ({@link #EMPTY} for never written, shown as a
 * space) and a style; a wide character takes its cell and the next, which holds {@link #WIDE_TAIL}.
 * {@link #wrapped()} tells that the text continues on the next row (autowrap), for copying.
 * Not thread-safe.
 */
public final class TermLine {
    public static final int EMPTY = 0;
    public static final int WIDE_TAIL = -1;

    private int[] chars;
    private CellStyle[] styles;
    private boolean wrapped;

    TermLine(int cols, CellStyle style) {
        chars = new int[cols];
        styles = new CellStyle[cols];
        Arrays.fill(styles, style);
    }

    public int cols() {
        return chars.length;
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
        if (width == 2 && col + 1 < chars.length) {
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
        } else if (col + 1 < chars.length && chars[col + 1] == WIDE_TAIL) {
            chars[col + 1] = EMPTY;
        }
    }

    /** Blanks columns [from, to) with {@code style}. */
    void erase(int from, int to, CellStyle style) {
        from = Math.max(0, from);
        to = Math.min(chars.length, to);
        if (from >= to) {
            return;
        }
        unsplit(from);
        if (to < chars.length) {
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
        n = Math.min(n, chars.length - col);
        unsplit(col);
        System.arraycopy(chars, col, chars, col + n, chars.length - col - n);
        System.arraycopy(styles, col, styles, col + n, chars.length - col - n);
        Arrays.fill(chars, col, col + n, EMPTY);
        Arrays.fill(styles, col, col + n, style);
        if (chars[chars.length - 1] > 0 && CharWidth.of(chars[chars.length - 1]) == 2) {
            chars[chars.length - 1] = EMPTY;
        }
    }

    /** Deletes {@code n} cells at {@code col}, shifting the rest left and blanking the end. */
    void delete(int col, int n, CellStyle style) {
        n = Math.min(n, chars.length - col);
        unsplit(col);
        System.arraycopy(chars, col + n, chars, col, chars.length - col - n);
        System.arraycopy(styles, col + n, styles, col, chars.length - col - n);
        Arrays.fill(chars, chars.length - n, chars.length, EMPTY);
        Arrays.fill(styles, chars.length - n, chars.length, style);
        if (chars[col] == WIDE_TAIL) {
            chars[col] = EMPTY;
        }
    }

    /** Changes the width, cutting or padding at the right. */
    void resize(int cols) {
        int old = chars.length;
        chars = Arrays.copyOf(chars, cols);
        styles = Arrays.copyOf(styles, cols);
        for (int c = old; c < cols; c++) {
            styles[c] = CellStyle.DEFAULT;
        }
        if (cols < old && cols > 0 && chars[cols - 1] > 0 && CharWidth.of(chars[cols - 1]) == 2) {
            chars[cols - 1] = EMPTY;
        }
    }

    /** The text of columns [from, to), wide-character tails skipped, trailing blanks kept. */
    public String text(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int c = Math.max(0, from); c < Math.min(to, chars.length); c++) {
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
        return text(0, chars.length).stripTrailing();
    }
}
