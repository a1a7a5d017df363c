package dev.cofferdam.engine.lang.java;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves names as javac does, without attribution: in a type's scope, the member types of the
 * enclosing types and of their supertypes (inherited, transitively, across files); then the file's
 * own top-level types, single-type imports, single static imports of member types, the package,
 * on-demand imports ({@code p.*}, {@code T.*}, static {@code T.*}), {@code java.lang}; finally a
 * fully qualified name. Not thread-safe (caches supertypes in the entries).
 */
final class JavaResolver {
    private static final int MAX_DEPTH = 40;
    private static final Resolved UNRESOLVED = Resolved.outside("");
    private final TypeTable table;

    JavaResolver(TypeTable table) {
        this.table = table;
    }

    /**
     * @param scope     index of the innermost enclosing type declaration, -1 at file level
     * @param ambiguous the name qualifies a call or field access and may not be a type at all
     * @return the resolution, or null for an ambiguous name that is not a known type
     */
    Resolved resolve(JavaFileScope file, int scope, String name, boolean ambiguous) {
        String[] segments = name.split("\\.");
        Resolved first = resolveSimple(file, scope, segments[0]);
        if (first != null && first.entry() != null) {
            return Resolved.of(walkMembers(first.entry(), segments, 1));
        }
        if (first != null) {
            return Resolved.outside(first.external() + name.substring(segments[0].length()));
        }
        if (segments.length > 1) {
            TypeEntry qualified = resolveCanonical(name, file);
            if (qualified != null) {
                return Resolved.of(qualified);
            }
        }
        if (!ambiguous) {
            return Resolved.outside(name);
        }
        return looksQualified(segments);
    }

    /** {@code java.util.Objects} in {@code java.util.Objects.equals(a, b)}: kept as external. */
    private static Resolved looksQualified(String[] segments) {
        if (segments.length < 2 || !Character.isLowerCase(segments[0].charAt(0))) {
            return null;
        }
        StringBuilder name = new StringBuilder(segments[0]);
        for (int i = 1; i < segments.length; i++) {
            name.append('.').append(segments[i]);
            if (Character.isUpperCase(segments[i].charAt(0))) {
                return Resolved.outside(name.toString());
            }
        }
        return null;
    }

    /** @return the repository type with this canonical name (nested types via members), or null */
    TypeEntry resolveCanonical(String name, JavaFileScope from) {
        TypeEntry exact = table.get(name, from);
        if (exact != null) {
            return exact;
        }
        String[] segments = name.split("\\.");
        TypeEntry prefix = table.longestPrefix(segments, segments.length, from);
        if (prefix == null) {
            return null;
        }
        int consumed = prefix.fqn.split("\\.").length;
        TypeEntry deepest = walkMembers(prefix, segments, consumed);
        return deepest;
    }

    private TypeEntry walkMembers(TypeEntry start, String[] segments, int from) {
        TypeEntry current = start;
        for (int i = from; i < segments.length; i++) {
            TypeEntry member = memberType(current, segments[i], 0);
            if (member == null) {
                break;
            }
            current = member;
        }
        return current;
    }

    private Resolved resolveSimple(JavaFileScope file, int scope, String name) {
        for (int d = scope; d >= 0; d = file.entries[d].decl.parent()) {
            TypeEntry member = memberType(file.entries[d], name, 0);
            if (member != null) {
                return Resolved.of(member);
            }
        }
        Resolved cached = file.fileLevel.get(name);
        if (cached == null) {
            cached = resolveAtFileLevel(file, name);
            file.fileLevel.put(name, cached == null ? UNRESOLVED : cached);
        }
        return cached == UNRESOLVED ? null : cached;
    }

    private Resolved resolveAtFileLevel(JavaFileScope file, String name) {
        TypeEntry top = file.topLevel.get(name);
        if (top != null) {
            return Resolved.of(top);
        }
        String imported = file.singleImports.get(name);
        if (imported != null) {
            TypeEntry entry = resolveCanonical(imported, file);
            return entry != null ? Resolved.of(entry) : Resolved.outside(imported);
        }
        List<String> staticOwners = file.staticImports.get(name);
        if (staticOwners != null) {
            for (String owner : staticOwners) {
                TypeEntry member = memberOf(owner, name, file);
                if (member != null) {
                    return Resolved.of(member);
                }
            }
        }
        TypeEntry samePackage = table.get(file.packagePrefix() + name, file);
        if (samePackage != null) {
            return Resolved.of(samePackage);
        }
        for (String pkg : file.onDemand) {
            TypeEntry entry = table.get(pkg + "." + name, file);
            if (entry == null) {
                entry = memberOf(pkg, name, file);
            }
            if (entry != null) {
                return Resolved.of(entry);
            }
        }
        for (String owner : file.staticOnDemand) {
            TypeEntry member = memberOf(owner, name, file);
            if (member != null) {
                return Resolved.of(member);
            }
        }
        if (JavaLangTypes.NAMES.contains(name)) {
            return Resolved.outside("java.lang." + name);
        }
        return null;
    }

    private TypeEntry memberOf(String ownerName, String name, JavaFileScope file) {
        TypeEntry owner = resolveCanonical(ownerName, file);
        return owner == null ? null : memberType(owner, name, 0);
    }

    /** A member type declared in {@code type} or inherited from its supertypes. */
    TypeEntry memberType(TypeEntry type, String name, int depth) {
        TypeEntry member = type.members.get(name);
        if (member != null || depth > MAX_DEPTH) {
            return member;
        }
        TypeEntry cached = type.memberCache.get(name);
        if (cached != null) {
            return cached == TypeEntry.NONE ? null : cached;
        }
        boolean complete = !type.resolvingSupers;
        for (TypeEntry parent : supers(type)) {
            member = memberType(parent, name, depth + 1);
            if (member != null) {
                break;
            }
        }
        if (complete && !type.resolvingSupers) {
            type.memberCache.put(name, member == null ? TypeEntry.NONE : member);
        }
        return member;
    }

    /** Direct supertypes inside the repository, resolved in the scope enclosing the declaration. */
    List<TypeEntry> supers(TypeEntry type) {
        if (type.supers != null) {
            return type.supers;
        }
        if (type.resolvingSupers || type.decl.supers().isEmpty()) {
            return List.of();
        }
        type.resolvingSupers = true;
        List<TypeEntry> result = new ArrayList<>(type.decl.supers().size());
        for (String written : type.decl.supers()) {
            Resolved resolved = resolve(type.file, type.decl.parent(), written, false);
            if (resolved != null && resolved.entry() != null && resolved.entry() != type) {
                result.add(resolved.entry());
            }
        }
        type.resolvingSupers = false;
        type.supers = result;
        return result;
    }
}
