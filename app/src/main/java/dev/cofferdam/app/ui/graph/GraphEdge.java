package dev.cofferdam.app.ui.graph;

/**
 * A directed edge to draw: {@code from} depends on {@code to}.
 *
 * @param weight number of references (drives the width)
 * @param cycle  both ends sit in one cycle
 */
public record GraphEdge(String from, String to, double weight, boolean cycle) {
}
