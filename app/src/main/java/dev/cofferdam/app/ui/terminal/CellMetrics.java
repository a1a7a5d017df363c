package dev.cofferdam.app.ui.terminal;

import javafx.geometry.Bounds;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The monospace fonts of the terminal and the size of one cell, measured from the font.
 * Immutable once made; FX thread.
 *
 * @param font     regular font
 * @param bold     bold variant
 * @param italic   italic variant
 * @param boldItalic bold italic variant
 * @param width    cell width in pixels
 * @param height   cell (line) height in pixels
 * @param baseline distance from a cell's top to the text baseline
 */
record CellMetrics(Font font, Font bold, Font italic, Font boldItalic, double width, double height, double baseline) {

    static CellMetrics of(double size) {
        Font font = Font.font("Monospaced", size);
        Font bold = Font.font("Monospaced", FontWeight.BOLD, size);
        Font italic = Font.font("Monospaced", FontWeight.NORMAL, FontPosture.ITALIC, size);
        Font boldItalic = Font.font("Monospaced", FontWeight.BOLD, FontPosture.ITALIC, size);
        Text probe = new Text("MMMMMMMMMM");
        probe.setFont(font);
        Bounds b = probe.getLayoutBounds();
        double width = Math.max(1, b.getWidth() / 10);
        double height = Math.max(1, Math.ceil(b.getHeight()));
        double baseline = probe.getBaselineOffset();
        return new CellMetrics(font, bold, italic, boldItalic, width, height, baseline);
    }

    /** The font for a style's bold and italic flags. */
    Font fontFor(CellStyle style) {
        boolean b = style.has(CellStyle.BOLD);
        if (style.has(CellStyle.ITALIC)) {
            return b ? boldItalic : italic;
        }
        return b ? bold : font;
    }

    /** Columns that fit in {@code px} pixels (at least 1). */
    int cols(double px) {
        return Math.max(1, (int) Math.floor(px / width));
    }

    /** Rows that fit in {@code px} pixels (at least 1). */
    int rows(double px) {
        return Math.max(1, (int) Math.floor(px / height));
    }
}
