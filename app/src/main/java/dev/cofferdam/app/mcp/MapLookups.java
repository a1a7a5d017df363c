package dev.cofferdam.app.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.ExternalRef;
import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The small map questions of the MCP tools ({@code module_of}, {@code dependents},
 * {@code dependencies}, {@code owners}), answered as JSON from a {@link RepoMap}. Edge kinds are
 * spelled as in {@code cofferdam map --format json}. Stateless and thread-safe.
 */
final class MapLookups {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MapLookups() {
    }

    static String moduleOf(RepoMap map, String path) throws AnalysisException {
        SourceFile f = file(map, path);
        ObjectNode o = JSON.createObjectNode().put("path", f.path());
        module(map, f.module()).ifPresentOrElse(m -> put(o.putObject("module"), m), () -> o.put("module", f.module()));
        return write(o);
    }

    static String dependents(RepoMap map, String path) throws AnalysisException {
        SourceFile f = file(map, path);
        Map<String, SourceFile> files = byPath(map);
        ObjectNode o = JSON.createObjectNode().put("path", f.path());
        ArrayNode a = o.putArray("dependents");
        map.edges().stream().filter(e -> e.to().equals(f.path()))
                .sorted(Comparator.comparingInt(Edge::weight).reversed().thenComparing(Edge::from))
                .forEach(e -> {
                    SourceFile from = files.get(e.from());
                    a.addObject().put("path", e.from()).put("kind", kind(e.kind())).put("weight", e.weight())
                            .put("module", from == null ? null : from.module()).put("test", from != null && from.test());
                });
        return write(o);
    }

    static String dependencies(RepoMap map, String path) throws AnalysisException {
        SourceFile f = file(map, path);
        ObjectNode o = JSON.createObjectNode().put("path", f.path());
        ArrayNode a = o.putArray("dependencies");
        map.edges().stream().filter(e -> e.from().equals(f.path()))
                .sorted(Comparator.comparingInt(Edge::weight).reversed().thenComparing(Edge::to))
                .forEach(e -> a.addObject().put("path", e.to()).put("kind", kind(e.kind())).put("weight", e.weight()));
        ArrayNode x = o.putArray("external");
        map.external().stream().filter(r -> r.from().equals(f.path()))
                .sorted(Comparator.comparingInt(ExternalRef::weight).reversed().thenComparing(ExternalRef::name))
                .forEach(r -> x.addObject().put("name", r.name()).put("kind", kind(r.kind())).put("weight", r.weight()));
        return write(o);
    }

    /** Owners of a file, a module (by id or name) or a directory (its files' owners, most frequent first). */
    static String owners(RepoMap map, String path) throws AnalysisException {
        String p = strip(path);
        Optional<SourceFile> f = Optional.ofNullable(byPath(map).get(p)).or(() -> type(map, p));
        ObjectNode o = JSON.createObjectNode().put("path", p);
        if (f.isPresent()) {
            o.put("kind", "file").put("module", f.get().module());
            strings(o, "owners", f.get().owners());
            strings(o, "moduleOwners", module(map, f.get().module()).map(Module::owners).orElse(List.of()));
            return write(o);
        }
        Optional<Module> m = module(map, p).or(() -> map.modules().stream().filter(x -> x.name().equals(p)).findFirst());
        if (m.isPresent()) {
            o.put("kind", "module").put("module", m.get().id());
            strings(o, "owners", m.get().owners());
            return write(o);
        }
        String prefix = p.equals(".") || p.isEmpty() ? "" : p + "/";
        List<SourceFile> under = map.files().stream().filter(x -> x.path().startsWith(prefix)).toList();
        if (under.isEmpty()) {
            throw new AnalysisException("no file, module or directory '" + path + "' in the map of " + map.root());
        }
        Map<String, Integer> count = new LinkedHashMap<>();
        under.forEach(x -> x.owners().forEach(w -> count.merge(w, 1, Integer::sum)));
        o.put("kind", "directory").put("files", under.size());
        ArrayNode a = o.putArray("owners");
        count.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> a.addObject().put("owner", e.getKey()).put("files", e.getValue()));
        return write(o);
    }

    /** A file by its path, or the file that declares a type. */
    private static SourceFile file(RepoMap map, String path) throws AnalysisException {
        String p = strip(path);
        SourceFile f = byPath(map).get(p);
        if (f != null) {
            return f;
        }
        return type(map, p).orElseThrow(() -> new AnalysisException(
                "no file or type '" + path + "' in the map of " + map.root() + " (paths are relative to the root)"));
    }

    private static Optional<SourceFile> type(RepoMap map, String name) {
        Map<String, SourceFile> files = byPath(map);
        return map.types().stream().filter(t -> t.name().equals(name)).map(JavaType::file).map(files::get)
                .filter(x -> x != null).findFirst();
    }

    private static String strip(String path) {
        String p = path.strip().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }

    private static Map<String, SourceFile> byPath(RepoMap map) {
        Map<String, SourceFile> m = new LinkedHashMap<>();
        map.files().forEach(f -> m.put(f.path(), f));
        return m;
    }

    private static Optional<Module> module(RepoMap map, String id) {
        return map.modules().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static void put(ObjectNode o, Module m) {
        o.put("id", m.id()).put("name", m.name()).put("kind", m.kind().name().toLowerCase(Locale.ROOT))
                .put("path", m.path()).put("files", m.files()).put("loc", m.loc());
        strings(o, "owners", m.owners());
    }

    private static void strings(ObjectNode o, String field, List<String> values) {
        ArrayNode a = o.putArray(field);
        values.forEach(a::add);
    }

    private static String kind(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String write(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize JSON", e);
        }
    }
}
