package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file graph of a {@link RepoMap} seen without direction, for the wrong-file detector:
 * neighbourhoods within N hops plus the tests of those files. Immutable after construction,
 * thread-safe. Construction is O(files + edges); a query is O(visited edges).
 */
public final class MapNeighbourhood {
    private final String root;
    private final Map<String, SourceFile> files = new HashMap<>();
    private final Map<String, Set<String>> adjacent = new HashMap<>();
    private final Map<String, Set<String>> testsOf = new HashMap<>();

    public MapNeighbourhood(RepoMap map) {
        this.root = map.root();
        map.files().forEach(f -> files.put(f.path(), f));
        for (Edge e : map.edges()) {
            adjacent.computeIfAbsent(e.from(), k -> new HashSet<>()).add(e.to());
            adjacent.computeIfAbsent(e.to(), k -> new HashSet<>()).add(e.from());
            SourceFile from = files.get(e.from());
            if (from != null && from.test()) {
                testsOf.computeIfAbsent(e.to(), k -> new HashSet<>()).add(e.from());
            }
        }
    }

    /** @return the repository root (absolute) */
    public String root() {
        return root;
    }

    /** @return every file path of the map (relative) */
    public Collection<String> files() {
        return files.keySet();
    }

    /**
     * @param path       a path as the session wrote it
     * @param sessionCwd the session's working directory, or null
     * @return the path relative to the map root, or null when it lies outside the workspace. A
     *         session recorded elsewhere (a sandbox's /workspace, another machine) is taken to have
     *         run at the root: paths under its working directory map onto the root.
     */
    public String relativize(String path, String sessionCwd) {
        String r = under(path, root);
        if (r == null && sessionCwd != null && !sessionCwd.equals(root) && under(root, sessionCwd) == null) {
            r = under(path, sessionCwd);
        }
        if (r != null) {
            return r;
        }
        return path.startsWith("/") || path.startsWith("~") || path.startsWith("..") ? null : path;
    }

    private static String under(String path, String dir) {
        String d = dir.endsWith("/") ? dir : dir + "/";
        return path.startsWith(d) ? path.substring(d.length()) : null;
    }

    public boolean contains(String rel) {
        return files.containsKey(rel);
    }

    public boolean generated(String rel) {
        SourceFile f = files.get(rel);
        return f != null && f.generated();
    }

    /** @return the seeds, every file within {@code hops} edges of one in either direction, and their tests */
    public Set<String> around(Collection<String> seeds, int hops) {
        Set<String> seen = new LinkedHashSet<>(seeds);
        Deque<String> frontier = new ArrayDeque<>(seeds);
        for (int h = 0; h < hops; h++) {
            Deque<String> next = new ArrayDeque<>();
            for (String f : frontier) {
                for (String n : adjacent.getOrDefault(f, Set.of())) {
                    if (seen.add(n)) {
                        next.add(n);
                    }
                }
            }
            frontier = next;
        }
        Set<String> out = new LinkedHashSet<>(seen);
        for (String f : List.copyOf(seen)) {
            out.addAll(testsOf.getOrDefault(f, Set.of()));
        }
        return out;
    }
}
