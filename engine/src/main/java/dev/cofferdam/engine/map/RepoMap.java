package dev.cofferdam.engine.map;

import java.util.List;

/**
 * The domain map of one repository: modules, files, Java types, file-to-file and type-to-type
 * edges, external dependencies and cycles. Immutable; paths are relative to {@link #root()} with
 * {@code /} separators. This is what {@code cofferdam map --format json} prints (schema 1).
 *
 * @param root      absolute path of the repository root
 * @param modules   build modules first, then package/directory clusters
 * @param files     every scanned source file, sorted by path
 * @param types     Java types declared in the repository (nested ones included)
 * @param edges     directed file-to-file edges, one per (from, to, kind)
 * @param typeEdges directed type-to-type edges (Java), one per (from, to, kind)
 * @param external  references that resolve to nothing inside the repository
 * @param cycles    strongly connected components of the file graph with more than one file
 */
public record RepoMap(
        String root,
        List<Module> modules,
        List<SourceFile> files,
        List<JavaType> types,
        List<Edge> edges,
        List<Edge> typeEdges,
        List<ExternalRef> external,
        List<List<String>> cycles) {

    public static final int SCHEMA = 1;

    public RepoMap {
        modules = List.copyOf(modules);
        files = List.copyOf(files);
        types = List.copyOf(types);
        edges = List.copyOf(edges);
        typeEdges = List.copyOf(typeEdges);
        external = List.copyOf(external);
        cycles = cycles.stream().map(List::copyOf).toList();
    }
}
