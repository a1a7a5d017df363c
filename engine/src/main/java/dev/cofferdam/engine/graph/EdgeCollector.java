package dev.cofferdam.engine.graph;

import dev.cofferdam.engine.lang.DependencySink;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.ExternalRef;
import dev.cofferdam.engine.map.JavaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregates what linkers report: one edge per (from, to, kind) with summed weights, file self
 * edges dropped, results sorted. Not thread-safe.
 */
public final class EdgeCollector implements DependencySink {
    private record Key(String from, String to, EdgeKind kind) {
    }

    private static final Comparator<Edge> ORDER = (a, b) -> {
        int c = a.from().compareTo(b.from());
        if (c == 0) {
            c = a.to().compareTo(b.to());
        }
        return c != 0 ? c : a.kind().compareTo(b.kind());
    };

    private final Map<Key, Integer> fileEdges = new HashMap<>();
    private final Map<Key, Integer> typeEdges = new HashMap<>();
    private final Map<Key, Integer> external = new HashMap<>();
    private final List<JavaType> types = new ArrayList<>();

    @Override
    public void fileEdge(String fromFile, String toFile, EdgeKind kind, int weight) {
        if (!fromFile.equals(toFile)) {
            fileEdges.merge(new Key(fromFile, toFile, kind), weight, Integer::sum);
        }
    }

    @Override
    public void typeEdge(String fromType, String toType, EdgeKind kind, int weight) {
        if (!fromType.equals(toType)) {
            typeEdges.merge(new Key(fromType, toType, kind), weight, Integer::sum);
        }
    }

    @Override
    public void external(String fromFile, String name, EdgeKind kind, int weight) {
        external.merge(new Key(fromFile, name, kind), weight, Integer::sum);
    }

    @Override
    public void declaredType(JavaType type) {
        types.add(type);
    }

    /**
     * Takes over what an earlier run found from files that are not re-linked this time.
     *
     * @param fileOfType declaring file of every type (type edges start in the file declaring their
     *                   source type)
     */
    public void keep(List<Edge> files, List<Edge> types, List<ExternalRef> refs, Map<String, String> fileOfType,
                     Set<String> relinked) {
        for (Edge e : files) {
            if (!relinked.contains(e.from())) {
                fileEdges.put(new Key(e.from(), e.to(), e.kind()), e.weight());
            }
        }
        for (Edge e : types) {
            String file = fileOfType.get(e.from());
            if (file != null && !relinked.contains(file)) {
                typeEdges.put(new Key(e.from(), e.to(), e.kind()), e.weight());
            }
        }
        for (ExternalRef x : refs) {
            if (!relinked.contains(x.from())) {
                external.put(new Key(x.from(), x.name(), x.kind()), x.weight());
            }
        }
    }

    public List<Edge> fileEdges() {
        return sorted(fileEdges);
    }

    public List<Edge> typeEdges() {
        return sorted(typeEdges);
    }

    public List<ExternalRef> external() {
        return sorted(external).stream().map(e -> new ExternalRef(e.from(), e.to(), e.kind(), e.weight())).toList();
    }

    public List<JavaType> types() {
        return types.stream().sorted(Comparator.comparing(JavaType::name).thenComparing(JavaType::file)).toList();
    }

    private static List<Edge> sorted(Map<Key, Integer> edges) {
        List<Edge> list = new ArrayList<>(edges.size());
        edges.forEach((k, w) -> list.add(new Edge(k.from(), k.to(), k.kind(), w)));
        list.sort(ORDER);
        return list;
    }
}
