package dev.cofferdam.app.ui.map;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.ExternalRef;
import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Look-ups over one {@link RepoMap}, built once. Immutable after construction; thread-safe. */
public final class MapIndex {
    private final RepoMap map;
    private final Map<String, SourceFile> files = new LinkedHashMap<>();
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private final Map<String, Module> rawModules = new HashMap<>();
    private final Map<String, String> display;
    private final Map<String, List<SourceFile>> filesByModule = new HashMap<>();
    private final Map<String, List<Edge>> out = new HashMap<>();
    private final Map<String, List<Edge>> in = new HashMap<>();
    private final Map<String, List<JavaType>> typesByFile = new HashMap<>();
    private final Map<String, JavaType> types = new HashMap<>();
    private final Map<String, List<ExternalRef>> externalByFile = new HashMap<>();
    private final Map<String, Integer> cycleOf = new HashMap<>();

    public MapIndex(RepoMap map) {
        this.map = map;
        display = ModuleRollup.displayOf(map);
        for (SourceFile f : map.files()) {
            files.put(f.path(), f);
            filesByModule.computeIfAbsent(display.getOrDefault(f.module(), f.module()), k -> new ArrayList<>()).add(f);
        }
        modules.putAll(ModuleRollup.modules(map, display, filesByModule));
        map.modules().forEach(m -> rawModules.put(m.id(), m));
        for (Edge e : map.edges()) {
            out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
            in.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        }
        for (JavaType t : map.types()) {
            types.put(t.name(), t);
            typesByFile.computeIfAbsent(t.file(), k -> new ArrayList<>()).add(t);
        }
        map.external().forEach(x -> externalByFile.computeIfAbsent(x.from(), k -> new ArrayList<>()).add(x));
        for (int i = 0; i < map.cycles().size(); i++) {
            for (String path : map.cycles().get(i)) {
                cycleOf.put(path, i);
            }
        }
    }

    public RepoMap map() {
        return map;
    }

    public Optional<SourceFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** A module as drawn (see {@link ModuleRollup}), or any module of the map by its id. */
    public Optional<Module> module(String id) {
        return Optional.ofNullable(modules.getOrDefault(id, rawModules.get(id)));
    }

    /** The modules as drawn, in the map's order (package clusters rolled into build modules). */
    public List<Module> modules() {
        return List.copyOf(modules.values());
    }

    public Optional<JavaType> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Files of a drawn module, rolled-up clusters included. */
    public List<SourceFile> filesOf(String moduleId) {
        return filesByModule.getOrDefault(moduleId, List.of());
    }

    /** Edges from {@code path} to the files it uses. */
    public List<Edge> outgoing(String path) {
        return out.getOrDefault(path, List.of());
    }

    /** Edges from the files that use {@code path}. */
    public List<Edge> incoming(String path) {
        return in.getOrDefault(path, List.of());
    }

    public List<JavaType> typesIn(String path) {
        return typesByFile.getOrDefault(path, List.of());
    }

    public List<ExternalRef> externalOf(String path) {
        return externalByFile.getOrDefault(path, List.of());
    }

    /** Index of the cycle the file sits in, or -1. */
    public int cycleOf(String path) {
        return cycleOf.getOrDefault(path, -1);
    }

    /** The drawn module of a file, or null when unknown. */
    public String moduleOf(String path) {
        SourceFile f = files.get(path);
        return f == null ? null : display.getOrDefault(f.module(), f.module());
    }

    /** The drawn module a module of the map was rolled into (itself when it was not). */
    public String displayModule(String moduleId) {
        return display.getOrDefault(moduleId, moduleId);
    }
}
