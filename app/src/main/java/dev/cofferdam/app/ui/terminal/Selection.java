package dev.cofferdam.app.ui.terminal;

/**
 * A text selection made by dragging: from an anchor to a focus, each an absolute row number
 * (see {@link Screen#firstRowNumber()}, so a selection stays on its text as output scrolls it
 * into the scrollback) and a column. Selects in reading order, whole lines between the ends.
 * Not thread-safe.
 */
final class Selection {
    private long anchorRow;
    private int anchorCol;
    private long focusRow;
    private int focusCol;
    private boolean active;

    void start(long row, int col) {
        anchorRow = row;
        anchorCol = col;
        focusRow = row;
        focusCol = col;
        active = false;
    }

    void extend(long row, int col) {
        focusRow = row;
        focusCol = col;
        active = anchorRow != focusRow || anchorCol != focusCol;
    }

    void clear() {
        active = false;
    }

    boolean active() {
        return active;
    }

    private boolean anchorFirst() {
        return anchorRow < focusRow || anchorRow == focusRow && anchorCol <= focusCol;
    }

    long firstRow() {
        return anchorFirst() ? anchorRow : focusRow;
    }

    long lastRow() {
        return anchorFirst() ? focusRow : anchorRow;
    }

    /** Whether the cell is selected (the end column is included). */
    boolean contains(long row, int col) {
        if (!active || row < firstRow() || row > lastRow()) {
            return false;
        }
        int from = anchorFirst() ? anchorCol : focusCol;
        int to = anchorFirst() ? focusCol : anchorCol;
        return (row > firstRow() || col >= from) && (row < lastRow() || col <= to);
    }

    /**
     * The selected text: trailing blanks dropped per row, rows joined by newlines except where a
     * row was wrapped by autowrap (then it continues). Rows no longer kept are skipped.
     */
    String text(Screen screen) {
        if (!active) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        long base = screen.firstRowNumber();
        int from = anchorFirst() ? anchorCol : focusCol;
        int to = anchorFirst() ? focusCol : anchorCol;
        for (long r = firstRow(); r <= lastRow(); r++) {
            long y = r - base;
            if (y < -screen.scrollbackSize() || y >= screen.rows()) {
                continue;
            }
            TermLine line = screen.line((int) y);
            int a = r == firstRow() ? from : 0;
            int b = r == lastRow() ? to + 1 : line.cols();
            String t = line.text(a, b);
            boolean continues = line.wrapped() && r < lastRow();
            sb.append(continues ? t : t.stripTrailing());
            if (r < lastRow() && !continues) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
