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

    /** The method or constructor a call reaches, with its parameter types as written there. */
    record Callee(TypeEntry declaring, String params) {
    }

    /**
     * @param call a call chain (see {@link JavaFacts#calls()})
     * @return the repository type declaring the called method or constructor with that arity, or
     *         null when the receiver is unknown or the callee is outside the repository
     */
    Callee callee(JavaFileScope file, JavaChain call) {
        List<String> members = call.members();
        String key = key(members.get(members.size() - 1));
        TypeEntry scope = call.scope() >= 0 ? file.entries[call.scope()] : null;
        if (members.size() > 1) {
            TypeEntry receiver = typeOf(file, new JavaChain(call.root(), members.subList(0, members.size() - 1),
                    call.scope(), call.owner(), call.count()));
            return receiver == null ? null : declaring(receiver, key, 0);
        }
        if (call.root().equals("super")) {
            for (TypeEntry parent : scope == null ? List.<TypeEntry>of() : resolver.supers(scope)) {
                Callee found = declaring(parent, key, 0);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (call.root().equals("this") && !key.startsWith("<init>/")) {
            for (TypeEntry type = scope; type != null; type = enclosing(type)) {
                Callee found = declaring(type, key, 0);
                if (found != null) {
                    return found;
                }
            }
            return staticallyImported(file, key);
        }
        TypeEntry receiver = rootType(file, call);
        return receiver == null ? null : declaring(receiver, key, 0);
    }

    private Callee staticallyImported(JavaFileScope file, String key) {
        List<String> owners = new ArrayList<>(file.staticImports.getOrDefault(key.substring(0, key.indexOf('/')), List.of()));
        owners.addAll(file.staticOnDemand);
        for (String owner : owners) {
            TypeEntry type = resolver.resolveCanonical(owner, file);
            Callee found = type == null ? null : declaring(type, key, 0);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Constructors are looked up in the type itself, methods in its supertypes too. */
    private Callee declaring(TypeEntry type, String key, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        Map<String, String> params = type.decl.params();
        String fixed = params.get(key);
        if (fixed == null) {
            fixed = params.get(key.substring(0, key.indexOf('/')) + "/*");
        }
        if (fixed != null) {
            return new Callee(type, fixed);
        }
        if (key.startsWith("<init>/")) {
            return null;
        }
        for (TypeEntry parent : resolver.supers(type)) {
            Callee found = declaring(parent, key, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** {@code m(2)} → {@code m/2} */
    private static String key(String call) {
        int open = call.indexOf('(');
        return call.substring(0, open) + "/" + call.substring(open + 1, call.length() - 1);
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
        return member.indexOf('(') < 0 ? memberType(type, member, false, 0) : memberType(type, key(member), true, 0);
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
