package dev.cofferdam.engine.blast;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.map.RepoMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

        int[] queue = new int[n];
        int tail = 0;
        MaxHeap best = new MaxHeap(score);
        for (String f : seeds.files()) {
            Integer id = index.ids.get(f);
            if (id != null && !seed[id]) {
                seed[id] = true;
                dist[id] = 0;
                score[id] = 1.0;
                queue[tail++] = id;
                best.offer(id);
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
                    queue[tail++] = id;
                }
                if (s > score[id]) {
                    score[id] = s;
                    removedVia.put(id, removed);
                    best.offer(id);
                }
            }
        }
        breadthFirst(queue, tail, dist, limit);
        bestFirst(best, dist, score, prev, removedVia);
        return assemble(seeds, dist, score, prev, seed, removedVia);
    }

    private void breadthFirst(int[] queue, int tail, int[] dist, int limit) {
        int t = tail;
        for (int head = 0; head < t; head++) {
            int v = queue[head];
            if (dist[v] >= limit) {
                continue;
            }
            for (int k = index.start[v]; k < index.start[v + 1]; k++) {
                int u = index.dependents[k];
                if (dist[u] < 0) {
                    dist[u] = dist[v] + 1;
                    queue[t++] = u;
                }
            }
        }
    }

    /** Max-product paths restricted to the files within depth (scores only shrink along a path). */
    private void bestFirst(MaxHeap pq, int[] dist, double[] score, int[] prev, Map<Integer, String> removedVia) {
        boolean[] done = new boolean[dist.length];
        while (!pq.isEmpty()) {
            int v = pq.poll();
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
                    if (!removedVia.isEmpty()) {
                        removedVia.remove(u);
                    }
                    pq.offer(u);
                }
            }
        }
    }

    private BlastResult assemble(ResolvedSeeds seeds, int[] dist, double[] score, int[] prev, boolean[] seed,
                                 Map<Integer, String> removedVia) {
        List<Impact> impacted = new ArrayList<>();
        List<Impact> tests = new ArrayList<>();
        double[] ownerWeight = new double[index.ownerNames.length];
        int[] moduleFiles = new int[index.moduleNames.length];
        double[] moduleTop = new double[index.moduleNames.length];
        Set<Integer> cyclesMet = new TreeSet<>();
        String[] via = new String[dist.length + 1];
        for (int v = 0; v < dist.length; v++) {
            if (dist[v] < 0) {
                continue;
            }
            if (index.cyclesOf[v] != null) {
                for (int c : index.cyclesOf[v]) {
                    cyclesMet.add(c);
                }
            }
            double weight = seed[v] ? 1.0 : score[v];
            for (int o : index.ownerIdx[v]) {
                ownerWeight[o] += weight;
            }
            if (seed[v]) {
                continue;
            }
            int m = index.moduleIdx[v];
            if (m >= 0) {
                moduleFiles[m]++;
                moduleTop[m] = Math.max(moduleTop[m], score[v]);
            }
            Impact impact = new Impact(index.paths[v], dist[v], score[v], via(v, prev, removedVia, via), index.module(v),
                    index.isTest(v), index.owners(v));
            (impact.test() ? tests : impacted).add(impact);
        }
        Comparator<Impact> order = Comparator.comparingDouble(Impact::score).reversed()
                .thenComparingInt(Impact::distance).thenComparing(Impact::path);
        impacted.sort(order);
        tests.sort(order);
        List<Integer> ownerOrder = new ArrayList<>();
        for (int o = 0; o < ownerWeight.length; o++) {
            if (ownerWeight[o] > 0) {
                ownerOrder.add(o);
            }
        }
        ownerOrder.sort(Comparator.comparingDouble((Integer o) -> -ownerWeight[o]).thenComparing(o -> index.ownerNames[o]));
        List<String> owners = ownerOrder.stream().map(o -> index.ownerNames[o]).toList();
        List<ModuleImpact> modules = new ArrayList<>();
        for (int m = 0; m < moduleFiles.length; m++) {
            if (moduleFiles[m] > 0) {
                modules.add(new ModuleImpact(index.moduleNames[m], moduleFiles[m], moduleTop[m]));
            }
        }
        modules.sort(Comparator.comparingDouble(ModuleImpact::score).reversed()
                .thenComparing(Comparator.comparingInt(ModuleImpact::files).reversed())
                .thenComparing(ModuleImpact::id));
        List<List<String>> cycles = cyclesMet.stream().map(c -> index.map.cycles().get(c)).toList();
        return new BlastResult(seeds.labels(), impacted, modules, tests, owners, cycles);
    }

    /** The best path from a seed to {@code v}; {@code buf} is scratch space of at least n + 1 slots. */
    private List<String> via(int v, int[] prev, Map<Integer, String> removedVia, String[] buf) {
        int len = 0;
        int cur = v;
        int last = v;
        while (cur >= 0 && len < prev.length) {
            buf[len++] = index.paths[cur];
            last = cur;
            cur = prev[cur];
        }
        String removed = removedVia.isEmpty() ? null : removedVia.get(last);
        String[] path = new String[len + (removed == null ? 0 : 1)];
        int k = 0;
        if (removed != null) {
            path[k++] = removed;
        }
        for (int i = len - 1; i >= 0; i--) {
            path[k++] = buf[i];
        }
        return List.of(path);
    }
}
