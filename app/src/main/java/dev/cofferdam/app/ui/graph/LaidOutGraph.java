package dev.cofferdam.app.ui.graph;

import java.util.Map;

/** A graph with a position for each of its nodes. */
public record LaidOutGraph(GraphData data, Map<String, Point> positions) {
    public static final LaidOutGraph EMPTY = new LaidOutGraph(GraphData.EMPTY, Map.of());

    public LaidOutGraph {
        positions = Map.copyOf(positions);
    }
}
