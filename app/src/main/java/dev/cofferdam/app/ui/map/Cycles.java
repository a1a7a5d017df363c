package dev.cofferdam.app.ui.map;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the edges of a drawn graph that lie on a cycle: both ends in one strongly connected
 * component (Tarjan, iterative). Used on the aggregated graphs the engine does not see
 * (module level, folded nodes). O(V + E).
 */
final class Cycles {
    private Cycles() {
    }

    /** Keys "from\nto" of the edges that lie on a cycle. */
    static Set<String> cyclicPairs(Collection<List<String>> edges) {
        Map<String, List<String>> adj = new HashMap<>();
        for (List<String> e : edges) {
            adj.computeIfAbsent(e.get(0), k -> new ArrayList<>()).add(e.get(1));
            adj.computeIfAbsent(e.get(1), k -> new ArrayList<>());
        }
        Map<String, Integer> component = components(adj);
        Set<String> result = new HashSet<>();
        for (List<String> e : edges) {
            if (component.get(e.get(0)).equals(component.get(e.get(1)))) {
                result.add(e.get(0) + "\n" + e.get(1));
            }
        }
        return result;
    }

    /** Component number of every vertex. */
    static Map<String, Integer> components(Map<String, List<String>> adj) {
        Map<String, Integer> indexOf = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        int[] counter = {0, 0};
        List<String> vertices = new ArrayList<>(adj.keySet());
        vertices.sort(null);
        for (String start : vertices) {
            if (indexOf.containsKey(start)) {
                continue;
            }
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {start, 0});
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                int i = (Integer) frame[1];
                if (i == 0 && !indexOf.containsKey(v)) {
                    indexOf.put(v, counter[0]);
                    low.put(v, counter[0]++);
                    stack.push(v);
                    onStack.add(v);
                }
                List<String> next = adj.get(v);
                if (i < next.size()) {
                    frame[1] = i + 1;
                    String w = next.get(i);
                    if (!indexOf.containsKey(w)) {
                        work.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), indexOf.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(indexOf.get(v))) {
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.put(w, counter[1]);
                    } while (!w.equals(v));
                    counter[1]++;
                }
            }
        }
        return component;
    }
}
