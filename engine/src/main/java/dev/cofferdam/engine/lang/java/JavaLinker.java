package dev.cofferdam.engine.lang.java;

import dev.cofferdam.engine.lang.DependencySink;
import dev.cofferdam.engine.lang.FileFacts;
import dev.cofferdam.engine.lang.LinkContext;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.JavaType;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the facts of every Java file into file and type edges and external references. Runs on
 * one thread; one instance per linking.
 */
final class JavaLinker {
    private final LinkContext context;
    private final DependencySink sink;
    private final TypeTable table = new TypeTable();
    private final JavaResolver resolver = new JavaResolver(table);
    private final ChainTyper chains = new ChainTyper(resolver);

    JavaLinker(LinkContext context, DependencySink sink) {
        this.context = context;
        this.sink = sink;
    }

    void run() {
        List<JavaFileScope> files = new ArrayList<>();
        for (FileFacts file : context.files()) {
            if (file.details() instanceof JavaFacts facts) {
                JavaFileScope scope = new JavaFileScope(file.path(), facts);
                table.addFile(scope);
                files.add(scope);
            }
        }
        for (JavaFileScope file : files) {
            for (TypeEntry entry : file.entries) {
                if (entry.fqn != null) {
                    sink.declaredType(new JavaType(entry.fqn, file.path, entry.decl.kind()));
                }
            }
        }
        for (JavaFileScope file : files) {
            if (context.links(file.path)) {
                linkImports(file);
                linkRefs(file);
                linkChains(file);
                linkCalls(file);
            }
        }
    }

    private void linkImports(JavaFileScope file) {
        for (JavaImport imp : file.facts.imports()) {
            String target = imp.name();
            EdgeKind kind = imp.isStatic() ? EdgeKind.STATIC_IMPORT : EdgeKind.IMPORT;
            if (imp.isStatic() && !imp.onDemand()) {
                int dot = target.lastIndexOf('.');
                target = dot > 0 ? target.substring(0, dot) : target;
            }
            TypeEntry entry = resolver.resolveCanonical(target, file);
            if (entry != null) {
                sink.fileEdge(file.path, entry.file.path, kind, 1);
            } else if (!(imp.onDemand() && !imp.isStatic() && table.isPackage(target))) {
                sink.external(file.path, imp.onDemand() && !imp.isStatic() ? target + ".*" : target, kind, 1);
            }
        }
    }

    /** Receivers typed by {@link ChainTyper}: the owner types of chained calls. */
    private void linkChains(JavaFileScope file) {
        for (JavaChain chain : file.facts.chains()) {
            TypeEntry target = chains.typeOf(file, chain);
            if (target != null) {
                edgeTo(file, target, chain.owner(), EdgeKind.REFERENCE, chain.count());
            }
        }
    }

    /**
     * The declared parameter types of the called methods and constructors: javac resolves them to
     * check the arguments, and records them in the call's descriptor.
     */
    private void linkCalls(JavaFileScope file) {
        for (JavaChain call : file.facts.calls()) {
            ChainTyper.Callee callee = chains.callee(file, call);
            if (callee == null || callee.params().isEmpty()) {
                continue;
            }
            TypeEntry declaring = callee.declaring();
            for (String param : callee.params().split(",")) {
                if (param.isEmpty()) {
                    continue;
                }
                Resolved resolved = resolver.resolve(declaring.file, declaring.index, param, false);
                if (resolved != null && resolved.entry() != null) {
                    edgeTo(file, resolved.entry(), call.owner(), EdgeKind.REFERENCE, call.count());
                }
            }
        }
    }

    private void edgeTo(JavaFileScope file, TypeEntry target, int owner, EdgeKind kind, int count) {
        sink.fileEdge(file.path, target.file.path, kind, count);
        String from = owner >= 0 ? file.entries[owner].fqn : null;
        TypeEntry named = target;
        while (named.fqn == null && named.decl.parent() >= 0) {
            named = named.file.entries[named.decl.parent()];
        }
        if (from != null && named.fqn != null && !from.equals(named.fqn)) {
            sink.typeEdge(from, named.fqn, kind, count);
        }
    }

    private void linkRefs(JavaFileScope file) {
        for (JavaRef ref : file.facts.refs()) {
            Resolved resolved = resolver.resolve(file, ref.scope(), ref.name(), ref.ambiguous());
            if (resolved == null) {
                continue;
            }
            if (resolved.entry() == null) {
                sink.external(file.path, resolved.external(), ref.kind(), ref.count());
                continue;
            }
            edgeTo(file, resolved.entry(), ref.owner(), ref.kind(), ref.count());
        }
    }
}
