package dev.cofferdam.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StronglyConnectedTest {
    private static Edge edge(String from, String to) {
        return new Edge(from, to, EdgeKind.REFERENCE, 1);
    }

    @Test
    void findsComponentsAndIgnoresSingletonsAndSelfLoops() {
        List<List<String>> cycles = StronglyConnected.cycles(List.of("a", "b", "c", "d", "e", "f"),
                List.of(edge("a", "b"), edge("b", "a"), edge("b", "c"), edge("c", "d"), edge("d", "e"), edge("e", "c"),
                        edge("f", "f")));
        assertThat(cycles).containsExactly(List.of("a", "b"), List.of("c", "d", "e"));
    }

    @Test
    void aTwentyThousandFileChainClosedIntoOneCycleDoesNotOverflowTheStack() {
        int n = 20_000;
        List<String> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(String.format("f%05d", i));
        }
        for (int i = 0; i < n; i++) {
            edges.add(edge(nodes.get(i), nodes.get((i + 1) % n)));
        }
        List<List<String>> cycles = StronglyConnected.cycles(nodes, edges);
        assertThat(cycles).hasSize(1);
        assertThat(cycles.get(0)).hasSize(n).isSorted();
    }
}
