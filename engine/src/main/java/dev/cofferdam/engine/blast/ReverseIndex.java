package dev.cofferdam.engine.blast;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.ExternalRef;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file graph of a map, reversed and packed into arrays: for each file, the files that depend on
 * it with the {@link HopStrength} of each pair. Built once per map in O(files + edges); immutable and
 * thread-safe, so any number of queries may share it.
 */
final class ReverseIndex {
    final RepoMap map;
    final String[] paths;
    final SourceFile[] files;
    final Map<String, Integer> ids;
    /** Dependents of node {@code n} are {@code dependents[start[n] .. start[n+1])}. */
    final int[] start;
    final int[] dependents;
    final double[] strength;
    /** Cycle indices (into map.cycles) per node; null when in none. */
    final int[][] cyclesOf;
    /** Module of each node as an index into {@link #moduleNames}, -1 when unknown. */
    final int[] moduleIdx;
    final String[] moduleNames;
    /** Owners of each node as indexes into {@link #ownerNames}. */
    final int[][] ownerIdx;
    final String[] ownerNames;
    /** External names referenced from the map, with the referencing files and the pair strength. */
    final Map<String, Map<String, Double>> externalLogMiss;

    ReverseIndex(RepoMap map) {
        this.map = map;
        Map<String, Integer> idMap = new HashMap<>();
        List<String> pathList = new ArrayList<>();
        for (SourceFile f : map.files()) {
            if (!idMap.containsKey(f.path())) {
                idMap.put(f.path(), pathList.size());
                pathList.add(f.path());
            }
        }
        for (Edge e : map.edges()) {
            for (String p : new String[] {e.from(), e.to()}) {
                if (!idMap.containsKey(p)) {
                    idMap.put(p, pathList.size());
                    pathList.add(p);
                }
            }
        }
        int n = pathList.size();
        paths = pathList.toArray(new String[0]);
        ids = Map.copyOf(idMap);
        files = new SourceFile[n];
        for (SourceFile f : map.files()) {
            files[ids.get(f.path())] = f;
        }
        // sum log-miss per (to, from) pair
        List<Map<Integer, Double>> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pairs.add(null);
        }
        for (Edge e : map.edges()) {
            int to = ids.get(e.to());
            int from = ids.get(e.from());
            if (to == from) {
                continue;
            }
            if (pairs.get(to) == null) {
                pairs.set(to, new LinkedHashMap<>());
            }
            pairs.get(to).merge(from, HopStrength.logMiss(e.kind(), e.weight()), Double::sum);
        }
        start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + (pairs.get(i) == null ? 0 : pairs.get(i).size());
        }
        dependents = new int[start[n]];
        strength = new double[start[n]];
        for (int i = 0; i < n; i++) {
            if (pairs.get(i) == null) {
                continue;
            }
            int k = start[i];
            for (Map.Entry<Integer, Double> p : pairs.get(i).entrySet()) {
                dependents[k] = p.getKey();
                strength[k] = HopStrength.fromLogMiss(p.getValue());
                k++;
            }
        }
        cyclesOf = new int[n][];
        List<List<String>> cycles = map.cycles();
        for (int c = 0; c < cycles.size(); c++) {
            for (String p : cycles.get(c)) {
                Integer id = ids.get(p);
                if (id != null) {
                    int[] old = cyclesOf[id] == null ? new int[0] : cyclesOf[id];
                    int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
                    grown[old.length] = c;
                    cyclesOf[id] = grown;
                }
            }
        }
        Map<String, Map<String, Double>> ext = new HashMap<>();
        for (ExternalRef r : map.external()) {
            ext.computeIfAbsent(r.name(), k -> new HashMap<>())
                    .merge(r.from(), HopStrength.logMiss(r.kind(), r.weight()), Double::sum);
        }
        externalLogMiss = ext;
        Map<String, Integer> mods = new LinkedHashMap<>();
        Map<String, Integer> owns = new LinkedHashMap<>();
        moduleIdx = new int[n];
        ownerIdx = new int[n][];
        for (int i = 0; i < n; i++) {
            SourceFile f = files[i];
            moduleIdx[i] = f == null || f.module() == null ? -1 : mods.computeIfAbsent(f.module(), k -> mods.size());
            List<String> o = f == null ? List.of() : f.owners();
            ownerIdx[i] = new int[o.size()];
            for (int k = 0; k < o.size(); k++) {
                ownerIdx[i][k] = owns.computeIfAbsent(o.get(k), key -> owns.size());
            }
        }
        moduleNames = mods.keySet().toArray(new String[0]);
        ownerNames = owns.keySet().toArray(new String[0]);
    }

    int size() {
        return paths.length;
    }

    boolean isTest(int node) {
        return files[node] != null && files[node].test();
    }

    String module(int node) {
        return files[node] == null ? null : files[node].module();
    }

    List<String> owners(int node) {
        return files[node] == null ? List.of() : files[node].owners();
    }
}
