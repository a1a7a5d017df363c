package dev.cofferdam.app.ui.graph;

import java.util.List;

/**
 * A bounded graph to draw (at most a few hundred nodes).
 *
 * @param nodes  sorted by id
 * @param edges  between nodes of this graph only
 * @param note   what was left out or aggregated, empty when nothing
 */
public record GraphData(List<GraphNode> nodes, List<GraphEdge> edges, String note) {
    public static final GraphData EMPTY = new GraphData(List.of(), List.of(), "");

    public GraphData {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
