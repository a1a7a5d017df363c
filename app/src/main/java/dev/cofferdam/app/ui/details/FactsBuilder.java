package dev.cofferdam.app.ui.details;

import dev.cofferdam.app.ui.map.MapIndex;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.SourceFile;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Gathers {@link Facts} from a {@link MapIndex}. Pure; thread-safe. */
public final class FactsBuilder {
    private final MapIndex index;

    public FactsBuilder(MapIndex index) {
        this.index = index;
    }

    public Optional<ModuleFacts> module(String id) {
        return index.module(id).map(m -> {
            Map<String, Integer> out = new HashMap<>();
            Map<String, Integer> in = new HashMap<>();
            for (SourceFile f : index.filesOf(id)) {
                for (Edge e : index.outgoing(f.path())) {
                    String other = index.moduleOf(e.to());
                    if (other != null && !other.equals(id)) {
                        out.merge(other, e.weight(), Integer::sum);
                    }
                }
                for (Edge e : index.incoming(f.path())) {
                    String other = index.moduleOf(e.from());
                    if (other != null && !other.equals(id)) {
                        in.merge(other, e.weight(), Integer::sum);
                    }
                }
            }
            Set<String> paths = index.filesOf(id).stream().map(SourceFile::path).collect(Collectors.toSet());
            List<List<String>> cycles = index.map().cycles().stream()
                    .filter(c -> c.stream().anyMatch(paths::contains)).toList();
            return new ModuleFacts(m, heaviestFirst(out), heaviestFirst(in), cycles);
        });
    }

    public Optional<FileFacts> file(String path) {
        return index.file(path).map(f -> {
            List<Edge> uses = merged(index.outgoing(path), Edge::to);
            List<Edge> usedBy = merged(index.incoming(path), Edge::from);
            int cycle = index.cycleOf(path);
            List<String> members = cycle < 0 ? List.of() : index.map().cycles().get(cycle);
            return new FileFacts(f, index.moduleOf(path), index.typesIn(path), uses, usedBy, index.externalOf(path), members);
        });
    }

    /** One edge per other end (the kinds of one pair summed, the heaviest kind kept), heaviest first. */
    private static List<Edge> merged(List<Edge> edges, Function<Edge, String> otherEnd) {
        Map<String, Edge> byEnd = new LinkedHashMap<>();
        for (Edge e : edges) {
            byEnd.merge(otherEnd.apply(e), e, (a, b) -> new Edge(a.from(), a.to(),
                    a.weight() >= b.weight() ? a.kind() : b.kind(), a.weight() + b.weight()));
        }
        return byEnd.values().stream()
                .sorted(Comparator.comparingInt(Edge::weight).reversed().thenComparing(otherEnd)).toList();
    }

    private static Map<String, Integer> heaviestFirst(Map<String, Integer> weights) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
