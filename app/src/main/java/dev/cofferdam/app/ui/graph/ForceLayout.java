package dev.cofferdam.app.ui.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic force-directed layout (Fruchterman-Reingold with a fixed number of cooling
 * steps). The start positions come from a random generator seeded with the node ids, so the same
 * graph always gets the same picture. O(iterations x n^2); fine for the ~300 nodes drawn.
 * Pure computation: call it off the FX thread.
 */
public final class ForceLayout {
    private static final int ITERATIONS = 220;
    private static final double GRAVITY = 0.5;

    private ForceLayout() {
    }

    public static LaidOutGraph layout(GraphData data) {
        List<GraphNode> nodes = data.nodes();
        int n = nodes.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i).id(), i);
        }
        double area = Math.max(1, n) * 10_000.0;
        double k = Math.sqrt(area / Math.max(1, n));
        double[] x = new double[n];
        double[] y = new double[n];
        Random random = new Random(seed(nodes));
        double side = Math.sqrt(area);
        for (int i = 0; i < n; i++) {
            x[i] = (random.nextDouble() - 0.5) * side;
            y[i] = (random.nextDouble() - 0.5) * side;
        }
        int[][] edges = edgeIndexes(data, index);
        double temperature = side / 8;
        for (int it = 0; it < ITERATIONS; it++) {
            step(x, y, edges, k, temperature);
            temperature *= 0.98;
        }
        Map<String, Point> positions = new HashMap<>();
        for (int i = 0; i < n; i++) {
            positions.put(nodes.get(i).id(), new Point(x[i], y[i]));
        }
        return new LaidOutGraph(data, positions);
    }

    private static void step(double[] x, double[] y, int[][] edges, double k, double temperature) {
        int n = x.length;
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double ex = x[i] - x[j];
                double ey = y[i] - y[j];
                double d2 = Math.max(0.01, ex * ex + ey * ey);
                double f = k * k / d2;
                dx[i] += ex * f;
                dy[i] += ey * f;
                dx[j] -= ex * f;
                dy[j] -= ey * f;
            }
        }
        for (int[] e : edges) {
            double ex = x[e[0]] - x[e[1]];
            double ey = y[e[0]] - y[e[1]];
            double d = Math.max(0.1, Math.sqrt(ex * ex + ey * ey));
            double f = d / k;
            dx[e[0]] -= ex * f;
            dy[e[0]] -= ey * f;
            dx[e[1]] += ex * f;
            dy[e[1]] += ey * f;
        }
        for (int i = 0; i < n; i++) {
            // gravity grows with the distance from the centre, so isolated nodes and small
            // components settle near the main one instead of being pushed to the far edges
            double r = Math.sqrt(x[i] * x[i] + y[i] * y[i]);
            double pull = GRAVITY * r / k;
            dx[i] -= x[i] * pull;
            dy[i] -= y[i] * pull;
            double len = Math.max(0.01, Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]));
            double move = Math.min(len, temperature);
            x[i] += dx[i] / len * move;
            y[i] += dy[i] / len * move;
        }
    }

    private static int[][] edgeIndexes(GraphData data, Map<String, Integer> index) {
        return data.edges().stream()
                .filter(e -> index.containsKey(e.from()) && index.containsKey(e.to()) && !e.from().equals(e.to()))
                .map(e -> new int[] {index.get(e.from()), index.get(e.to())})
                .toArray(int[][]::new);
    }

    private static long seed(List<GraphNode> nodes) {
        long h = 1125899906842597L;
        for (GraphNode node : nodes) {
            h = 31 * h + node.id().hashCode();
        }
        return h;
    }
}
