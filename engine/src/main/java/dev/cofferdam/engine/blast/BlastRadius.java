package dev.cofferdam.engine.blast;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.map.RepoMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Blast radius over one map: which files may break when the seeds change.
 * <p><b>Walk.</b> The reverse dependency graph is walked from the seeds. {@code distance} is the
 * fewest hops (breadth-first). Only files within {@code maxDepth} hops are impacted (0 = no limit).
 * Every file is visited once, so cycles end the walk rather than loop it; the map's cycles that the
 * walk meets are reported.
 * <p><b>Score.</b> For a path {@code seed = f0 <- f1 <- ... <- fk} (each {@code f(i+1)} depends on
 * {@code f(i)}),
 * <pre>  score(path) = Π_{i=1..k} D · s(f(i) -> f(i-1))</pre>
 * where {@code s} is the {@link HopStrength} of the pair (noisy-OR over its references by kind) and
 * {@code D = }{@value #HOP_DECAY} the decay per hop. A file's score is the maximum over its paths
 * (best-first search, like Dijkstra on {@code -log}), and {@code via} is that best path. So a
 * direct dependent with ten uses ({@code 0.8 * 0.85 = 0.68}) outranks a direct import-only one
 * ({@code 0.2}) which outranks a chain of two imports ({@code 0.04}). Seeds score 1.
 * <p><b>Removed seeds.</b> A deleted source file is no longer in the map; files whose unresolved
 * references name a type it declared (by package path) become its direct dependents.
 * <p>The reverse index is built once in the constructor, O(files + edges); a query is
 * O((V + E) log V) over the part of the graph it reaches. Immutable and thread-safe.
 */
public final class BlastRadius {
    /** Decay applied on each hop. */
    public static final double HOP_DECAY = 0.8;

    private final ReverseIndex index;
    private final SeedResolver resolver;

    public BlastRadius(RepoMap map) {
        this.index = new ReverseIndex(map);
        this.resolver = new SeedResolver(map);
    }

    public RepoMap map() {
        return index.map;
    }

    public SeedResolver resolver() {
        return resolver;
    }

    /**
     * @throws AnalysisException when a seed names no file, type or module of the map
     */
    public BlastResult compute(BlastQuery query) throws AnalysisException {
        return compute(resolver.resolve(query.seeds()), query.maxDepth());
    }

    /** The blast radius of already resolved seeds (for instance from a diff). */
    public BlastResult compute(ResolvedSeeds seeds, int maxDepth) {
        int n = index.size();
        int limit = maxDepth <= 0 ? Integer.MAX_VALUE : maxDepth;
        int[] dist = new int[n];
        Arrays.fill(dist, -1);
        double[] score = new double[n];
        int[] prev = new int[n];
        Arrays.fill(prev, -1);
        boolean[] seed = new boolean[n];
        Map<Integer, String> removedVia = new HashMap<>();

        ArrayDeque<Integer> queue = new ArrayDeque<>();
        PriorityQueue<double[]> best = new PriorityQueue<>(Comparator.comparingDouble((double[] a) -> -a[0]));
        for (String f : seeds.files()) {
            Integer id = index.ids.get(f);
            if (id != null && !seed[id]) {
                seed[id] = true;
                dist[id] = 0;
                score[id] = 1.0;
                queue.add(id);
                best.add(new double[] {1.0, id});
            }
        }
        for (String removed : seeds.removed()) {
            for (Map.Entry<String, Double> dep : RemovedFiles.dependents(index, removed).entrySet()) {
                Integer id = index.ids.get(dep.getKey());
                if (id == null || seed[id]) {
                    continue;
                }
                double s = HOP_DECAY * HopStrength.fromLogMiss(dep.getValue());
                if (dist[id] != 1) {
                    dist[id] = 1;
                    queue.add(id);
                }
                if (s > score[id]) {
                    score[id] = s;
                    removedVia.put(id, removed);
                    best.add(new double[] {s, id});
                }
            }
        }
        breadthFirst(queue, dist, limit);
        bestFirst(best, dist, score, prev, removedVia);
        return assemble(seeds, dist, score, prev, seed, removedVia);
    }

    private void breadthFirst(ArrayDeque<Integer> queue, int[] dist, int limit) {
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (dist[v] >= limit) {
                continue;
            }
            for (int k = index.start[v]; k < index.start[v + 1]; k++) {
                int u = index.dependents[k];
                if (dist[u] < 0) {
                    dist[u] = dist[v] + 1;
                    queue.add(u);
                }
            }
        }
    }

    /** Max-product paths restricted to the files within depth (scores only shrink along a path). */
    private void bestFirst(PriorityQueue<double[]> pq, int[] dist, double[] score, int[] prev,
                           Map<Integer, String> removedVia) {
        boolean[] done = new boolean[dist.length];
        while (!pq.isEmpty()) {
            double[] top = pq.poll();
            int v = (int) top[1];
            if (done[v] || top[0] < score[v]) {
                continue;
            }
            done[v] = true;
            for (int k = index.start[v]; k < index.start[v + 1]; k++) {
                int u = index.dependents[k];
                if (dist[u] < 0 || done[u]) {
                    continue;
                }
                double s = score[v] * HOP_DECAY * index.strength[k];
                if (s > score[u]) {
                    score[u] = s;
                    prev[u] = v;
                    removedVia.remove(u);
                    pq.add(new double[] {s, u});
                }
            }
        }
    }

    private BlastResult assemble(ResolvedSeeds seeds, int[] dist, double[] score, int[] prev, boolean[] seed,
                                 Map<Integer, String> removedVia) {
        List<Impact> impacted = new ArrayList<>();
        List<Impact> tests = new ArrayList<>();
        Map<String, Double> ownerWeight = new HashMap<>();
        Set<Integer> cyclesMet = new TreeSet<>();
        for (int v = 0; v < dist.length; v++) {
            if (dist[v] < 0) {
                continue;
            }
            if (index.cyclesOf[v] != null) {
                for (int c : index.cyclesOf[v]) {
                    cyclesMet.add(c);
                }
            }
            if (seed[v]) {
                for (String o : index.owners(v)) {
                    ownerWeight.merge(o, 1.0, Double::sum);
                }
                continue;
            }
            Impact impact = new Impact(index.paths[v], dist[v], score[v], via(v, prev, removedVia), index.module(v),
                    index.isTest(v), index.owners(v));
            (impact.test() ? tests : impacted).add(impact);
            for (String o : impact.owners()) {
                ownerWeight.merge(o, impact.score(), Double::sum);
            }
        }
        Comparator<Impact> order = Comparator.comparingDouble(Impact::score).reversed()
                .thenComparingInt(Impact::distance).thenComparing(Impact::path);
        impacted.sort(order);
        tests.sort(order);
        List<String> owners = ownerWeight.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        List<List<String>> cycles = cyclesMet.stream().map(c -> index.map.cycles().get(c)).toList();
        return new BlastResult(seeds.labels(), impacted, modules(impacted, tests), tests, owners, cycles);
    }

    private List<String> via(int v, int[] prev, Map<Integer, String> removedVia) {
        ArrayDeque<String> path = new ArrayDeque<>();
        Set<Integer> seen = new LinkedHashSet<>();
        int cur = v;
        while (cur >= 0 && seen.add(cur)) {
            path.addFirst(index.paths[cur]);
            if (prev[cur] < 0 && removedVia.containsKey(cur)) {
                path.addFirst(removedVia.get(cur));
            }
            cur = prev[cur];
        }
        return List.copyOf(path);
    }

    private static List<ModuleImpact> modules(List<Impact> impacted, List<Impact> tests) {
        Map<String, int[]> count = new HashMap<>();
        Map<String, Double> top = new HashMap<>();
        for (List<Impact> list : List.of(impacted, tests)) {
            for (Impact i : list) {
                if (i.module() == null) {
                    continue;
                }
                count.computeIfAbsent(i.module(), k -> new int[1])[0]++;
                top.merge(i.module(), i.score(), Math::max);
            }
        }
        return count.keySet().stream()
                .map(m -> new ModuleImpact(m, count.get(m)[0], top.get(m)))
                .sorted(Comparator.comparingDouble(ModuleImpact::score).reversed()
                        .thenComparing(Comparator.comparingInt(ModuleImpact::files).reversed())
                        .thenComparing(ModuleImpact::id))
                .toList();
    }
}
