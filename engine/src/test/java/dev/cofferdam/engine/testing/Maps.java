package dev.cofferdam.engine.testing;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.ExternalRef;
import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.ModuleKind;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small RepoMaps by hand for tests of what consumes a map. */
public final class Maps {
    private final String root;
    private final Map<String, SourceFile> files = new LinkedHashMap<>();
    private final List<Module> modules = new ArrayList<>();
    private final List<JavaType> types = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<ExternalRef> external = new ArrayList<>();
    private final List<List<String>> cycles = new ArrayList<>();

    public Maps(String root) {
        this.root = root;
    }

    public Maps module(String id, String name) {
        modules.add(new Module(id, name, ModuleKind.MAVEN, id, 0, 0, List.of()));
        return this;
    }

    public Maps file(String path, String module, boolean test, String... owners) {
        files.put(path, new SourceFile(path, module, "java", 10, test, false, List.of(owners), List.of()));
        return this;
    }

    public Maps type(String name, String file) {
        types.add(new JavaType(name, file, "class"));
        return this;
    }

    /** {@code from} uses {@code to}. */
    public Maps edge(String from, String to, EdgeKind kind, int weight) {
        edges.add(new Edge(from, to, kind, weight));
        return this;
    }

    public Maps external(String from, String name, EdgeKind kind, int weight) {
        external.add(new ExternalRef(from, name, kind, weight));
        return this;
    }

    public Maps cycle(String... paths) {
        cycles.add(List.of(paths));
        return this;
    }

    public RepoMap build() {
        List<Module> mods = new ArrayList<>();
        for (Module m : modules) {
            int count = (int) files.values().stream().filter(f -> f.module().equals(m.id())).count();
            mods.add(new Module(m.id(), m.name(), m.kind(), m.path(), count, count * 10, m.owners()));
        }
        return new RepoMap(root, mods, new ArrayList<>(files.values()), types, edges, List.of(), external, cycles);
    }
}
