package dev.cofferdam.app.ui.terminal;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Draws rows of a terminal screen on a canvas: backgrounds, text in runs of one style (each wide
 * or non-ASCII character on its own cell so the grid stays aligned), underline and strike lines,
 * bold and italic fonts, the selection and the cursor. FX thread only.
 */
final class TerminalPainter {
    private final TerminalPalette palette = new TerminalPalette();
    private CellMetrics metrics;

    TerminalPainter(CellMetrics metrics) {
        this.metrics = metrics;
    }

    CellMetrics metrics() {
        return metrics;
    }

    void setMetrics(CellMetrics metrics) {
        this.metrics = metrics;
    }

    TerminalPalette palette() {
        return palette;
    }

    /**
     * Draws view row {@code viewRow} showing {@code line} (absolute row number {@code absRow} for the
     * selection); {@code cursorCol} is the cursor's column on this row or -1.
     */
    void paintRow(GraphicsContext g, int viewRow, TermLine line, long absRow, Selection sel, int cursorCol,
                  boolean focused, double canvasWidth) {
        double y = viewRow * metrics.height();
        double cw = metrics.width();
        g.setFill(palette.defaultBackground());
        g.fillRect(0, y, canvasWidth, metrics.height());
        int cols = line.cols();
        int x = 0;
        while (x < cols) {
            CellStyle style = line.styleAt(x);
            boolean selected = sel.contains(absRow, x);
            int end = x + 1;
            while (end < cols && line.styleAt(end).equals(style) && sel.contains(absRow, end) == selected) {
                end++;
            }
            Color bg = selected ? palette.selection() : palette.background(style);
            if (bg != null) {
                g.setFill(bg);
                // whole pixels, so neighbouring cells of different colours leave no seam
                double left = Math.floor(x * cw);
                g.fillRect(left, y, Math.floor(end * cw) - left, metrics.height());
            }
            drawText(g, line, x, end, style, palette.foreground(style), y);
            x = end;
        }
        if (cursorCol >= 0 && cursorCol < cols) {
            paintCursor(g, line, cursorCol, y, focused);
        }
    }

    private void drawText(GraphicsContext g, TermLine line, int from, int to, CellStyle style, Color fg, double y) {
        if (style.has(CellStyle.INVISIBLE)) {
            return;
        }
        double cw = metrics.width();
        g.setFont(metrics.fontFor(style));
        g.setFill(fg);
        double base = y + metrics.baseline();
        StringBuilder run = new StringBuilder();
        int runStart = from;
        for (int c = from; c < to; c++) {
            int cp = line.charAt(c);
            if (cp > 0x20 && cp < 0x7f) {
                if (run.length() == 0) {
                    runStart = c;
                }
                run.append((char) cp);
                continue;
            }
            flush(g, run, runStart, base);
            if (cp > 0x7f) {
                g.fillText(new String(Character.toChars(cp)), c * cw, base);
            }
        }
        flush(g, run, runStart, base);
        if (style.has(CellStyle.UNDERLINE) || style.has(CellStyle.STRIKE)) {
            g.setStroke(fg);
            g.setLineWidth(1);
            double ly = style.has(CellStyle.UNDERLINE) ? base + 1.5 : y + metrics.height() / 2;
            g.strokeLine(from * cw, Math.floor(ly) + 0.5, to * cw, Math.floor(ly) + 0.5);
        }
    }

    private void flush(GraphicsContext g, StringBuilder run, int col, double base) {
        if (run.length() > 0) {
            g.fillText(run.toString(), col * metrics.width(), base);
            run.setLength(0);
        }
    }

    private void paintCursor(GraphicsContext g, TermLine line, int col, double y, boolean focused) {
        double cw = metrics.width();
        int cp = line.charAt(col);
        int cells = col + 1 < line.cols() && line.charAt(col + 1) == TermLine.WIDE_TAIL ? 2 : 1;
        if (!focused) {
            g.setStroke(palette.cursor());
            g.setLineWidth(1);
            g.strokeRect(col * cw + 0.5, y + 0.5, cells * cw - 1, metrics.height() - 1);
            return;
        }
        g.setFill(palette.cursor());
        g.fillRect(col * cw, y, cells * cw, metrics.height());
        if (cp > 0x20) {
            g.setFont(metrics.fontFor(line.styleAt(col)));
            g.setFill(palette.defaultBackground());
            g.fillText(new String(Character.toChars(cp)), col * cw, y + metrics.baseline());
        }
    }

    /** A note in the top right corner (how far the view is scrolled back). */
    void paintScrollNote(GraphicsContext g, String text, double canvasWidth) {
        double w = (text.length() + 2) * metrics.width();
        double x = Math.max(0, canvasWidth - w - 4);
        g.setFill(palette.selection());
        g.fillRoundRect(x, 2, w, metrics.height(), 6, 6);
        g.setFill(palette.defaultForeground());
        g.setFont(metrics.font());
        g.fillText(text, x + metrics.width(), 2 + metrics.baseline());
    }
}
