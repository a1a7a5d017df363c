package dev.cofferdam.engine.lang.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lightweight typing of receivers that are calls or field accesses ({@code a.b().c}), of call
 * values that are used and of for-each iterables' {@code iterator()}, from the declared types of
 * variables and the return and field types declared in repository types (inherited ones included).
 * Overloads are told apart by arity only (a varargs overload answers any arity its class has no
 * fixed-arity overload for); no generics: a name whose overloads of that arity disagree, or whose
 * type is a type parameter, stops the chain, so the typer only adds what it is sure of. An
 * unqualified member found in no type of its class's hierarchy is looked up in the enclosing
 * classes, then in the static imports. Not thread-safe.
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
        List<String> members = chain.members();
        TypeEntry type;
        int next = 0;
        if (chain.root().equals("this") && !members.isEmpty() && chain.scope() >= 0) {
            type = implicitMember(file, file.entries[chain.scope()], members.get(0));
            next = 1;
        } else {
            type = rootType(file, chain);
        }
        for (int i = next; i < members.size(); i++) {
            if (type == null) {
                return null;
            }
            type = member(type, members.get(i));
        }
        return type;
    }

    /**
     * An unqualified member (or one qualified by {@code this}): the class's hierarchy, then the
     * enclosing classes', then single and on-demand static imports.
     */
    private TypeEntry implicitMember(JavaFileScope file, TypeEntry scope, String member) {
        for (TypeEntry type = scope; type != null; type = enclosing(type)) {
            TypeEntry found = member(type, member);
            if (found != null) {
                return found;
            }
        }
        int open = member.indexOf('(');
        String name = open < 0 ? member : member.substring(0, open);
        List<String> owners = new ArrayList<>(file.staticImports.getOrDefault(name, List.of()));
        owners.addAll(file.staticOnDemand);
        for (String owner : owners) {
            TypeEntry type = resolver.resolveCanonical(owner, file);
            TypeEntry found = type == null ? null : member(type, member);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private TypeEntry member(TypeEntry type, String member) {
        int open = member.indexOf('(');
        return open < 0 ? memberType(type, member, false, 0)
                : memberType(type, member.substring(0, open) + "/" + member.substring(open + 1, member.length() - 1), true, 0);
    }

    private static TypeEntry enclosing(TypeEntry type) {
        int parent = type.decl.parent();
        return parent < 0 ? null : type.file.entries[parent];
    }

    /**
     * A name root: a variable declared with one class type in the file; otherwise a field of the
     * enclosing classes (inherited ones included); otherwise a type name.
     */
    private TypeEntry rootType(JavaFileScope file, JavaChain chain) {
        String root = chain.root();
        if (root.equals("this")) {
            return chain.scope() >= 0 ? file.entries[chain.scope()] : null;
        }
        if (root.startsWith(TYPE_ROOT)) {
            return entry(resolver.resolve(file, chain.scope(), root.substring(TYPE_ROOT.length()), false));
        }
        String declared = file.facts.variableTypes().get(root);
        if (declared != null && !declared.isEmpty()) {
            return entry(resolver.resolve(file, chain.scope(), declared, false));
        }
        TypeEntry field = chain.scope() >= 0 ? implicitMember(file, file.entries[chain.scope()], root) : null;
        if (field != null || declared != null) {
            return field;
        }
        return entry(resolver.resolve(file, chain.scope(), root, true));
    }

    private TypeEntry memberType(TypeEntry type, String name, boolean method, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        String written = method ? declaredReturn(type.decl.methods(), name) : type.decl.fields().get(name);
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

    /** @param key {@code name/arity}; the fixed-arity overload, else a varargs one, else none here */
    private static String declaredReturn(Map<String, String> methods, String key) {
        String fixed = methods.get(key);
        return fixed != null ? fixed : methods.get(key.substring(0, key.indexOf('/')) + "/*");
    }

    private static TypeEntry entry(Resolved resolved) {
        return resolved == null ? null : resolved.entry();
    }
}
