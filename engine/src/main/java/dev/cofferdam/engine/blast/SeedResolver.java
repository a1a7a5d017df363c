package dev.cofferdam.engine.blast;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.git.ChangeKind;
import dev.cofferdam.engine.git.ChangedFile;
import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns seed strings into files of a map, trying in this order: a file path (relative to the root,
 * or absolute / relative to the working directory when it lies inside the root), a qualified type
 * name ({@code a.b.Outer.Inner}, {@code $} accepted), a module id or name (its non-test files), a
 * directory (every file below it), a simple type name when only one type has it.
 * Immutable and thread-safe.
 */
public final class SeedResolver {
    private final RepoMap map;
    private final Path root;
    private final Map<String, SourceFile> files = new HashMap<>();
    private final Map<String, String> typeFile = new HashMap<>();
    private final Map<String, List<String>> simpleTypes = new HashMap<>();

    public SeedResolver(RepoMap map) {
        this.map = map;
        this.root = Path.of(map.root()).toAbsolutePath().normalize();
        for (SourceFile f : map.files()) {
            files.put(f.path(), f);
        }
        for (JavaType t : map.types()) {
            typeFile.put(t.name(), t.file());
            simpleTypes.computeIfAbsent(t.name().substring(t.name().lastIndexOf('.') + 1), k -> new ArrayList<>())
                    .add(t.name());
        }
    }

    /**
     * @throws AnalysisException naming the first seed that matches nothing, with close matches
     */
    public ResolvedSeeds resolve(List<String> seeds) throws AnalysisException {
        Set<String> out = new LinkedHashSet<>();
        for (String seed : seeds) {
            List<String> hit = resolveOne(seed);
            if (hit.isEmpty()) {
                throw unknown(seed);
            }
            out.addAll(hit);
        }
        return new ResolvedSeeds(List.copyOf(out), List.copyOf(out), List.of());
    }

    /** Seeds of a diff: every changed path is a seed; deleted and renamed-away sources are walked through references. */
    public ResolvedSeeds fromChanges(List<ChangedFile> changes) {
        Set<String> labels = new LinkedHashSet<>();
        Set<String> inMap = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        for (ChangedFile c : changes) {
            labels.add(c.path());
            if (files.containsKey(c.path())) {
                inMap.add(c.path());
            } else if (c.kind() == ChangeKind.DELETED) {
                removed.add(c.path());
            }
            if (c.kind() == ChangeKind.RENAMED && c.oldPath() != null && !files.containsKey(c.oldPath())) {
                removed.add(c.oldPath());
            }
        }
        return new ResolvedSeeds(List.copyOf(labels), List.copyOf(inMap), List.copyOf(removed));
    }

    private List<String> resolveOne(String raw) {
        String s = raw.strip().replace('\\', '/');
        if (s.isEmpty()) {
            return List.of();
        }
        String rel = relative(s);
        if (rel != null && files.containsKey(rel)) {
            return List.of(rel);
        }
        String type = s.replace('$', '.');
        if (typeFile.containsKey(type)) {
            return List.of(typeFile.get(type));
        }
        String moduleKey = rel != null ? rel : s;
        for (Module m : map.modules()) {
            if (m.id().equals(moduleKey) || m.id().equals(s) || m.name().equals(s)) {
                List<String> main = map.files().stream().filter(f -> f.module().equals(m.id()) && !f.test())
                        .map(SourceFile::path).toList();
                if (!main.isEmpty()) {
                    return main;
                }
            }
        }
        if (rel != null) {
            String dir = rel.isEmpty() ? "" : rel + "/";
            List<String> under = map.files().stream().map(SourceFile::path).filter(p -> p.startsWith(dir)).toList();
            if (!under.isEmpty()) {
                return under;
            }
        }
        List<String> simple = simpleTypes.getOrDefault(type, List.of());
        if (simple.size() == 1) {
            return List.of(typeFile.get(simple.get(0)));
        }
        return List.of();
    }

    /** The seed as a path relative to the root, or null when it is outside the root. */
    private String relative(String s) {
        String p = s.startsWith("./") ? s.substring(2) : s;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (files.containsKey(p)) {
            return p;
        }
        try {
            Path given = Path.of(p);
            if (given.isAbsolute()) {
                Path abs = given.normalize();
                if (!abs.startsWith(root) && Files.exists(abs)) {
                    abs = abs.toRealPath(); // the map root is a real path; the user may have typed a link
                }
                return abs.startsWith(root) ? slashes(root.relativize(abs)) : null;
            }
            Path fromCwd = Path.of("").toAbsolutePath().resolve(given).normalize();
            if (fromCwd.startsWith(root) && Files.exists(fromCwd) && !Files.exists(root.resolve(given))) {
                return slashes(root.relativize(fromCwd));
            }
            return p;
        } catch (java.nio.file.InvalidPathException | java.io.IOException e) {
            return p;
        }
    }

    private static String slashes(Path rel) {
        return rel.toString().replace('\\', '/');
    }

    private AnalysisException unknown(String seed) {
        Set<String> candidates = new LinkedHashSet<>(files.keySet());
        candidates.addAll(typeFile.keySet());
        for (Module m : map.modules()) {
            candidates.add(m.id());
            candidates.add(m.name());
        }
        List<String> ambiguous = simpleTypes.getOrDefault(seed.strip(), List.of());
        List<String> near = ambiguous.size() > 1 ? ambiguous.stream().sorted().limit(3).toList()
                : Suggestions.closest(seed.strip(), candidates, 3);
        String what = ambiguous.size() > 1 ? "ambiguous seed '" + seed + "': " + ambiguous.size() + " types have that name"
                : "unknown seed '" + seed + "': no file, type or module of the map has that name";
        return new AnalysisException(near.isEmpty() ? what : what + " (did you mean " + String.join(", ", near) + "?)");
    }
}
