package dev.cofferdam.app.ui.graph;

import java.util.Map;
import java.util.Set;

/**
 * What to emphasise: the selected nodes and, for each impacted node, its distance from them.
 * Nodes in neither are dimmed when the highlight is not {@link #NONE}.
 */
public record Highlight(Set<String> selected, Map<String, Integer> distance) {
    public static final Highlight NONE = new Highlight(Set.of(), Map.of());

    public Highlight {
        selected = Set.copyOf(selected);
        distance = Map.copyOf(distance);
    }

    public boolean isEmpty() {
        return selected.isEmpty() && distance.isEmpty();
    }
}
