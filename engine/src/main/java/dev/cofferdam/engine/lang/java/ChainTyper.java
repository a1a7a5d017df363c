package dev.cofferdam.engine.lang.java;

/**
 * Lightweight typing of receivers that are calls or field accesses ({@code a.b().c}), from the
 * declared types of variables and the return and field types declared in repository types
 * (inherited ones included). No overload resolution, no generics: a name whose overloads disagree,
 * or whose type is a type parameter, stops the chain, so the typer only adds what it is sure of.
 * Not thread-safe.
 */
final class ChainTyper {
    private static final String TYPE_ROOT = "type:";
    private static final int MAX_DEPTH = 40;
    private final JavaResolver resolver;

    ChainTyper(JavaResolver resolver) {
        this.resolver = resolver;
    }

    /** @return the repository type of the chain's value, or null when unknown or outside the repository */
    TypeEntry typeOf(JavaFileScope file, JavaChain chain) {
        TypeEntry type = rootType(file, chain);
        for (String member : chain.members()) {
            if (type == null) {
                return null;
            }
            type = member.endsWith("()") ? memberType(type, member.substring(0, member.length() - 2), true, 0)
                    : memberType(type, member, false, 0);
        }
        return type;
    }

    private TypeEntry rootType(JavaFileScope file, JavaChain chain) {
        String root = chain.root();
        if (root.equals("this")) {
            return chain.scope() >= 0 ? file.entries[chain.scope()] : null;
        }
        if (root.startsWith(TYPE_ROOT)) {
            return entry(resolver.resolve(file, chain.scope(), root.substring(TYPE_ROOT.length()), false));
        }
        String declared = file.facts.variableTypes().get(root);
        if (declared != null) {
            return declared.isEmpty() ? null : entry(resolver.resolve(file, chain.scope(), declared, false));
        }
        return entry(resolver.resolve(file, chain.scope(), root, true));
    }

    private TypeEntry memberType(TypeEntry type, String name, boolean method, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        String written = method ? type.decl.methods().get(name) : type.decl.fields().get(name);
        if (written != null) {
            return written.isEmpty() ? null : entry(resolver.resolve(type.file, type.index, written, false));
        }
        for (TypeEntry parent : resolver.supers(type)) {
            TypeEntry found = memberType(parent, name, method, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static TypeEntry entry(Resolved resolved) {
        return resolved == null ? null : resolved.entry();
    }
}
