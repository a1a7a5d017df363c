package dev.cofferdam.app.ui.graph;

import java.util.List;

/**
 * A bounded graph to draw (at most a few hundred nodes).
 *
 * @param nodes  sorted by id
 * @param edges  between nodes of this graph only
 * @param note   what was left out or aggregated, empty when nothing
 * @param groups every colour group of the whole map in a stable order, so a group keeps its colour
 *               from one view to the next; groups not listed get a colour from their hash
 */
public record GraphData(List<GraphNode> nodes, List<GraphEdge> edges, String note, List<String> groups) {
    public static final GraphData EMPTY = new GraphData(List.of(), List.of(), "");

    public GraphData {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        groups = List.copyOf(groups);
    }

    public GraphData(List<GraphNode> nodes, List<GraphEdge> edges, String note) {
        this(nodes, edges, note, List.of());
    }
}
