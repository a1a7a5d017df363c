package dev.cofferdam.engine.bench;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.map.IndexedMapService;
import dev.cofferdam.engine.map.RepoMap;
import java.nio.file.Path;

/** Debugging aid: prints a map as plain lines (modules, files with errors, edges, external). */
public final class MapDump {
    private MapDump() {
    }

    public static void main(String[] args) throws Exception {
        RepoMap map = new IndexedMapService(Path.of(args[1])).map(Path.of(args[0]), ProgressListener.NONE);
        map.modules().forEach(m -> System.out.println("module " + m));
        map.files().forEach(f -> System.out.println("file " + f));
        map.types().forEach(t -> System.out.println("type " + t));
        map.edges().forEach(e -> System.out.println("edge " + e));
        map.typeEdges().forEach(e -> System.out.println("typeEdge " + e));
        map.external().forEach(e -> System.out.println("external " + e));
        map.cycles().forEach(c -> System.out.println("cycle " + c));
    }
}
