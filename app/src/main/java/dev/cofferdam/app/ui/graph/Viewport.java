package dev.cofferdam.app.ui.graph;

/**
 * Maps layout (world) coordinates to screen pixels: screen = world * scale + offset.
 * Mutable; used on the FX thread only.
 */
public final class Viewport {
    static final double MIN_SCALE = 0.02;
    static final double MAX_SCALE = 20;

    private double scale = 1;
    private double offsetX;
    private double offsetY;

    public double scale() {
        return scale;
    }

    public double toScreenX(double worldX) {
        return worldX * scale + offsetX;
    }

    public double toScreenY(double worldY) {
        return worldY * scale + offsetY;
    }

    public double toWorldX(double screenX) {
        return (screenX - offsetX) / scale;
    }

    public double toWorldY(double screenY) {
        return (screenY - offsetY) / scale;
    }

    public void pan(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
    }

    /** Zooms by {@code factor} keeping the screen point (px, py) where it is. */
    public void zoomAt(double factor, double px, double py) {
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double wx = toWorldX(px);
        double wy = toWorldY(py);
        scale = next;
        offsetX = px - wx * scale;
        offsetY = py - wy * scale;
    }

    /** Shows the world rectangle (minX, minY)-(maxX, maxY) centred in a width x height screen. */
    public void fit(double minX, double minY, double maxX, double maxY, double width, double height, double margin) {
        double w = Math.max(1, maxX - minX);
        double h = Math.max(1, maxY - minY);
        double sx = Math.max(1, width - 2 * margin) / w;
        double sy = Math.max(1, height - 2 * margin) / h;
        scale = Math.max(MIN_SCALE, Math.min(Math.min(sx, sy), 3));
        offsetX = width / 2 - (minX + maxX) / 2 * scale;
        offsetY = height / 2 - (minY + maxY) / 2 * scale;
    }
}
