package dev.cofferdam.app.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.graph.GraphNode.NodeKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForceLayoutTest {
    private static GraphData ring(int n) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(new GraphNode("n" + i, "n" + i, 10, "g", NodeKind.FILE));
            edges.add(new GraphEdge("n" + i, "n" + ((i + 1) % n), 1, false));
        }
        return new GraphData(nodes, edges, "");
    }

    @Test
    void sameGraphGivesTheSamePicture() {
        LaidOutGraph a = ForceLayout.layout(ring(40));
        LaidOutGraph b = ForceLayout.layout(ring(40));
        assertThat(a.positions()).isEqualTo(b.positions());
    }

    @Test
    void everyNodeGetsAFinitePositionAndNodesDoNotOverlap() {
        LaidOutGraph g = ForceLayout.layout(ring(30));
        assertThat(g.positions()).hasSize(30);
        List<Point> points = new ArrayList<>(g.positions().values());
        for (Point p : points) {
            assertThat(Double.isFinite(p.x()) && Double.isFinite(p.y())).isTrue();
        }
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                double d = Math.hypot(points.get(i).x() - points.get(j).x(), points.get(i).y() - points.get(j).y());
                assertThat(d).isGreaterThan(5);
            }
        }
    }

    @Test
    void connectedNodesEndUpCloserThanUnconnectedOnes() {
        List<GraphNode> nodes = List.of(new GraphNode("a", "a", 1, "g", NodeKind.FILE),
                new GraphNode("b", "b", 1, "g", NodeKind.FILE), new GraphNode("c", "c", 1, "g", NodeKind.FILE),
                new GraphNode("d", "d", 1, "g", NodeKind.FILE));
        GraphData data = new GraphData(nodes, List.of(new GraphEdge("a", "b", 1, false),
                new GraphEdge("c", "d", 1, false)), "");
        LaidOutGraph g = ForceLayout.layout(data);
        assertThat(dist(g, "a", "b")).isLessThan(dist(g, "a", "c"));
        assertThat(dist(g, "c", "d")).isLessThan(dist(g, "b", "d"));
    }

    private static double dist(LaidOutGraph g, String a, String b) {
        Point p = g.positions().get(a);
        Point q = g.positions().get(b);
        return Math.hypot(p.x() - q.x(), p.y() - q.y());
    }
}
