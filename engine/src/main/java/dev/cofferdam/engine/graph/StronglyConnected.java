package dev.cofferdam.engine.graph;

import dev.cofferdam.engine.map.Edge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cycles of a file graph: strongly connected components with more than one node, by an iterative
 * Tarjan (no recursion, so 10k-file chains cannot overflow the stack). O(V + E). Stateless.
 */
public final class StronglyConnected {
    private StronglyConnected() {
    }

    /** @return components with more than one node, each sorted, the list sorted by first node */
    public static List<List<String>> cycles(Collection<String> nodes, Collection<Edge> edges) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>(nodes);
        names.sort(null);
        for (String n : names) {
            ids.put(n, ids.size());
        }
        int n = names.size();
        int[][] adj = adjacency(n, ids, edges);
        int[] index = new int[n];
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int sp = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        List<List<String>> result = new ArrayList<>();
        for (int start = 0; start < n; start++) {
            if (index[start] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = start;
            callEdge[0] = 0;
            index[start] = low[start] = counter++;
            stack[sp++] = start;
            onStack[start] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < adj[v].length) {
                    int w = adj[v][callEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    List<String> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack[--sp];
                        onStack[w] = false;
                        component.add(names.get(w));
                    } while (w != v);
                    if (component.size() > 1) {
                        component.sort(null);
                        result.add(component);
                    }
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        result.sort(Comparator.comparing((List<String> c) -> c.get(0)));
        return result;
    }

    private static int[][] adjacency(int n, Map<String, Integer> ids, Collection<Edge> edges) {
        List<List<Integer>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>(2));
        }
        for (Edge e : edges) {
            Integer from = ids.get(e.from());
            Integer to = ids.get(e.to());
            if (from != null && to != null && !from.equals(to) && !lists.get(from).contains(to)) {
                lists.get(from).add(to);
            }
        }
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) {
            adj[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return adj;
    }
}
