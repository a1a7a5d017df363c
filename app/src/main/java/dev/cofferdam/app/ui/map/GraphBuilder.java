package dev.cofferdam.app.ui.map;

import dev.cofferdam.app.ui.graph.GraphData;
import dev.cofferdam.app.ui.graph.GraphEdge;
import dev.cofferdam.app.ui.graph.GraphNode;
import dev.cofferdam.app.ui.graph.GraphNode.NodeKind;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks the bounded subgraph to draw for a {@link GraphScope}: modules, the files of one module
 * (with the modules they talk to), or the neighbourhood of one file. Never more than
 * {@code limit} nodes: the rest is folded into one aggregate node and the note says so.
 * Pure; thread-safe.
 */
public final class GraphBuilder {
    public static final int DEFAULT_LIMIT = 300;

    private final MapIndex index;
    private final int limit;

    public GraphBuilder(MapIndex index, int limit) {
        this.index = index;
        this.limit = Math.max(3, limit);
    }

    public GraphData build(GraphScope scope) {
        return switch (scope.level()) {
            case MODULES -> modules();
            case FILES -> filesOf(scope.id());
            case NEIGHBOURHOOD -> around(scope.id());
        };
    }

    private GraphData modules() {
        Map<String, Double> size = new HashMap<>();
        for (Module m : index.modules()) {
            if (!index.filesOf(m.id()).isEmpty()) {
                size.put(m.id(), (double) Math.max(m.loc(), 1));
            }
        }
        Map<List<String>, Double> weights = new HashMap<>();
        for (Edge e : index.map().edges()) {
            String a = index.moduleOf(e.from());
            String b = index.moduleOf(e.to());
            if (a != null && b != null && !a.equals(b)) {
                weights.merge(List.of(a, b), (double) e.weight(), Double::sum);
            }
        }
        Set<String> kept = top(size, limit);
        Folder folder = new Folder(kept, "more modules");
        List<GraphNode> nodes = new ArrayList<>();
        for (String id : kept) {
            String name = index.module(id).map(Module::name).orElse(id);
            nodes.add(new GraphNode(id, name, size.get(id), id, NodeKind.MODULE));
        }
        return folder.finish(nodes, weights, size, "modules");
    }

    private GraphData filesOf(String moduleId) {
        Map<String, Double> size = new HashMap<>();
        for (SourceFile f : index.filesOf(moduleId)) {
            size.put(f.path(), (double) Math.max(f.loc(), 1));
        }
        Map<List<String>, Double> weights = new HashMap<>();
        Map<String, Double> neighbours = new HashMap<>();
        for (SourceFile f : index.filesOf(moduleId)) {
            for (Edge e : index.outgoing(f.path())) {
                String other = index.moduleOf(e.to());
                String to = moduleId.equals(other) ? e.to() : other;
                if (to != null) {
                    weights.merge(List.of(f.path(), to), (double) e.weight(), Double::sum);
                    if (!moduleId.equals(other)) {
                        neighbours.merge(other, (double) e.weight(), Double::sum);
                    }
                }
            }
            for (Edge e : index.incoming(f.path())) {
                String other = index.moduleOf(e.from());
                if (other != null && !moduleId.equals(other)) {
                    weights.merge(List.of(other, f.path()), (double) e.weight(), Double::sum);
                    neighbours.merge(other, (double) e.weight(), Double::sum);
                }
            }
        }
        Set<String> keptModules = top(neighbours, Math.min(neighbours.size(), limit / 5));
        // the most connected files stay (hubs explain the module), then the largest
        Map<String, Double> rank = new HashMap<>();
        size.forEach((path, loc) -> rank.put(path, loc / 1e7));
        weights.forEach((pair, w) -> {
            rank.computeIfPresent(pair.get(0), (k, v) -> v + w);
            rank.computeIfPresent(pair.get(1), (k, v) -> v + w);
        });
        Set<String> keptFiles = top(rank, limit - keptModules.size());
        Set<String> kept = new LinkedHashSet<>(keptFiles);
        kept.addAll(keptModules);
        List<GraphNode> nodes = new ArrayList<>();
        for (String path : keptFiles) {
            nodes.add(fileNode(index.file(path).orElseThrow()));
        }
        for (String id : keptModules) {
            String name = index.module(id).map(Module::name).orElse(id);
            nodes.add(new GraphNode(id, name, index.module(id).map(Module::loc).orElse(1), id, NodeKind.MODULE));
        }
        Map<String, Double> all = new HashMap<>(size);
        neighbours.forEach(all::putIfAbsent);
        return new Folder(kept, "more files").finish(nodes, weights, all, "files");
    }

    private GraphData around(String path) {
        if (index.file(path).isEmpty()) {
            return GraphData.EMPTY;
        }
        Set<String> ring = new LinkedHashSet<>();
        ring.add(path);
        index.outgoing(path).forEach(e -> ring.add(e.to()));
        index.incoming(path).forEach(e -> ring.add(e.from()));
        for (String near : List.copyOf(ring)) {
            index.incoming(near).forEach(e -> ring.add(e.from()));
        }
        Map<String, Double> size = new HashMap<>();
        for (String p : ring) {
            index.file(p).ifPresent(f -> size.put(p, (double) Math.max(1, f.loc())));
        }
        Map<List<String>, Double> weights = new HashMap<>();
        for (String p : ring) {
            for (Edge e : index.outgoing(p)) {
                if (ring.contains(e.to())) {
                    weights.merge(List.of(p, e.to()), (double) e.weight(), Double::sum);
                }
            }
        }
        // the file and its direct neighbours always stay; the second ring is cut first
        Map<String, Double> rank = new HashMap<>(size);
        rank.put(path, Double.MAX_VALUE);
        index.outgoing(path).forEach(e -> rank.computeIfPresent(e.to(), (k, v) -> v + 1e9));
        index.incoming(path).forEach(e -> rank.computeIfPresent(e.from(), (k, v) -> v + 1e9));
        Set<String> kept = top(rank, limit);
        List<GraphNode> nodes = new ArrayList<>();
        for (String p : kept) {
            nodes.add(fileNode(index.file(p).orElseThrow()));
        }
        return new Folder(kept, "more files").finish(nodes, weights, size, "files");
    }

    private GraphNode fileNode(SourceFile f) {
        String name = f.path().substring(f.path().lastIndexOf('/') + 1);
        String label = name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
        return new GraphNode(f.path(), label, Math.max(1, f.loc()), index.moduleOf(f.path()),
                f.test() ? NodeKind.TEST : NodeKind.FILE);
    }

    /** The {@code n} keys of largest value (ties by key), keeping a deterministic order. */
    static Set<String> top(Map<String, Double> values, int n) {
        List<String> keys = new ArrayList<>(values.keySet());
        keys.sort(Comparator.comparing((String k) -> -values.get(k)).thenComparing(k -> k));
        int keep = values.size() > n ? Math.max(0, n - 1) : values.size();
        List<String> kept = new ArrayList<>(keys.subList(0, keep));
        kept.sort(Comparator.naturalOrder());
        return new LinkedHashSet<>(kept);
    }

    /** Folds what was not kept into one aggregate node and marks cycle edges. */
    private final class Folder {
        private final Set<String> kept;
        private final String what;

        Folder(Set<String> kept, String what) {
            this.kept = kept;
            this.what = what;
        }

        GraphData finish(List<GraphNode> nodes, Map<List<String>, Double> weights, Map<String, Double> all,
                         String noun) {
            String aggregate = "…" + what;
            int folded = (int) all.keySet().stream().filter(k -> !kept.contains(k)).count();
            Map<List<String>, Double> folding = new HashMap<>();
            weights.forEach((pair, w) -> {
                String a = kept.contains(pair.get(0)) ? pair.get(0) : aggregate;
                String b = kept.contains(pair.get(1)) ? pair.get(1) : aggregate;
                if (!a.equals(b)) {
                    folding.merge(List.of(a, b), w, Double::sum);
                }
            });
            List<GraphNode> all2 = new ArrayList<>(nodes);
            String note = "";
            if (folded > 0) {
                double w = all.entrySet().stream().filter(e -> !kept.contains(e.getKey()))
                        .mapToDouble(Map.Entry::getValue).sum();
                all2.add(new GraphNode(aggregate, "+" + folded + " " + what, Math.min(w, 5000), aggregate,
                        NodeKind.AGGREGATE));
                note = "Showing " + nodes.size() + " of " + (nodes.size() + folded) + " " + noun + "; " + folded
                        + " folded into one node";
            }
            all2.sort(Comparator.comparing(GraphNode::id));
            Set<String> cyclic = Cycles.cyclicPairs(folding.keySet());
            List<GraphEdge> edges = new ArrayList<>();
            folding.forEach((pair, w) -> edges.add(new GraphEdge(pair.get(0), pair.get(1), w, cyclic.contains(
                    pair.get(0) + "\n" + pair.get(1)))));
            edges.sort(Comparator.comparing(GraphEdge::from).thenComparing(GraphEdge::to));
            List<String> groups = index.modules().stream().filter(m -> !index.filesOf(m.id()).isEmpty())
                    .map(Module::id).toList();
            return new GraphData(all2, edges, note, groups);
        }
    }
}
