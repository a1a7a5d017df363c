package dev.cofferdam.app.ui.graph;

/**
 * A node to draw.
 *
 * @param id        unique in its graph (a module id, a file path, or an aggregate id)
 * @param label     short text drawn next to it
 * @param weight    drives the radius (lines of code)
 * @param group     colour group (the module id); nodes of a group share a colour
 * @param kind      what it stands for
 */
public record GraphNode(String id, String label, double weight, String group, NodeKind kind) {
    /** What a node stands for. */
    public enum NodeKind { MODULE, FILE, TEST, AGGREGATE }
}
