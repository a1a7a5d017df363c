package dev.cofferdam.app.ui;

import dev.cofferdam.app.ui.blast.BlastRadius;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.blast.BlastQuery;
import dev.cofferdam.engine.blast.BlastResult;
import dev.cofferdam.engine.blast.Impact;
import dev.cofferdam.engine.blast.ModuleImpact;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A plain breadth-first walk of the reverse dependency graph (score 1/distance), standing in for
 * the engine's blast radius in tests of the UI until the engine's lands.
 */
public final class ReverseBfsBlast implements BlastRadius {
    @Override
    public BlastResult of(RepoMap map, BlastQuery query) throws AnalysisException {
        Map<String, SourceFile> files = new LinkedHashMap<>();
        map.files().forEach(f -> files.put(f.path(), f));
        Set<String> seeds = new LinkedHashSet<>();
        for (String s : query.seeds()) {
            if (files.containsKey(s)) {
                seeds.add(s);
            } else if (map.modules().stream().anyMatch(m -> m.id().equals(s))) {
                map.files().stream().filter(f -> f.module().equals(s)).forEach(f -> seeds.add(f.path()));
            } else {
                String file = map.types().stream().filter(t -> t.name().equals(s)).map(JavaType::file).findFirst()
                        .orElseThrow(() -> new AnalysisException("unknown seed: " + s));
                seeds.add(file);
            }
        }
        Map<String, List<String>> via = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String s : seeds) {
            via.put(s, List.of(s));
            queue.add(s);
        }
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (Edge e : map.edges()) {
                if (e.to().equals(at) && !via.containsKey(e.from())) {
                    List<String> path = new ArrayList<>(via.get(at));
                    path.add(e.from());
                    via.put(e.from(), path);
                    queue.add(e.from());
                }
            }
        }
        List<Impact> impacted = new ArrayList<>();
        List<Impact> tests = new ArrayList<>();
        Map<String, ModuleImpact> modules = new TreeMap<>();
        Set<String> owners = new LinkedHashSet<>();
        via.forEach((path, route) -> {
            if (seeds.contains(path)) {
                return;
            }
            SourceFile f = files.get(path);
            int d = route.size() - 1;
            Impact i = new Impact(path, d, 1.0 / d, route, f.module(), f.test(), f.owners());
            (f.test() ? tests : impacted).add(i);
            owners.addAll(f.owners());
            modules.merge(f.module(), new ModuleImpact(f.module(), 1, i.score()),
                    (a, b) -> new ModuleImpact(a.id(), a.files() + 1, Math.max(a.score(), b.score())));
        });
        Comparator<Impact> order = Comparator.comparingDouble(Impact::score).reversed().thenComparing(Impact::path);
        impacted.sort(order);
        tests.sort(order);
        return new BlastResult(List.copyOf(seeds), impacted, List.copyOf(modules.values()), tests, List.copyOf(owners),
                List.of());
    }
}
