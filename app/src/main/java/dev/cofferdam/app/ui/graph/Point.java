package dev.cofferdam.app.ui.graph;

/** A position in layout (world) coordinates. */
public record Point(double x, double y) {
}
