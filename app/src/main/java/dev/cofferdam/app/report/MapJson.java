package dev.cofferdam.app.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.ExternalRef;
import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.List;

/**
 * {@code cofferdam map --format json}, schema 1 (README "JSON contracts"): schema, root, modules,
 * files, edges, external, cycles, then the extras types and typeEdges. Stateless and thread-safe.
 */
public final class MapJson {
    private MapJson() {
    }

    public static String render(RepoMap map) {
        return Json.write(tree(map));
    }

    public static ObjectNode tree(RepoMap map) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema", RepoMap.SCHEMA);
        root.put("root", map.root());
        ArrayNode modules = root.putArray("modules");
        for (Module m : map.modules()) {
            ObjectNode o = modules.addObject();
            o.put("id", m.id());
            o.put("name", m.name());
            o.put("kind", Json.enumName(m.kind()));
            o.put("path", m.path());
            o.put("files", m.files());
            o.put("loc", m.loc());
            Json.strings(o, "owners", m.owners());
        }
        ArrayNode files = root.putArray("files");
        for (SourceFile f : map.files()) {
            ObjectNode o = files.addObject();
            o.put("path", f.path());
            o.put("module", f.module());
            o.put("language", f.language());
            o.put("loc", f.loc());
            o.put("test", f.test());
            o.put("generated", f.generated());
            Json.strings(o, "owners", f.owners());
            Json.strings(o, "parseErrors", f.parseErrors());
        }
        edges(root.putArray("edges"), map.edges());
        ArrayNode external = root.putArray("external");
        for (ExternalRef r : map.external()) {
            ObjectNode o = external.addObject();
            o.put("from", r.from());
            o.put("name", r.name());
            o.put("kind", Json.kind(r.kind()));
            o.put("weight", r.weight());
        }
        Json.pathLists(root, "cycles", map.cycles());
        ArrayNode types = root.putArray("types");
        for (JavaType t : map.types()) {
            ObjectNode o = types.addObject();
            o.put("name", t.name());
            o.put("file", t.file());
            o.put("kind", t.kind());
        }
        edges(root.putArray("typeEdges"), map.typeEdges());
        return root;
    }

    private static void edges(ArrayNode out, List<Edge> edges) {
        for (Edge e : edges) {
            ObjectNode o = out.addObject();
            o.put("from", e.from());
            o.put("to", e.to());
            o.put("kind", Json.kind(e.kind()));
            o.put("weight", e.weight());
        }
    }
}
