package dev.cofferdam.engine.lang.java;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All types declared in the repository by qualified name, and the packages that exist. When the
 * same qualified name is declared twice (e.g. in two modules), the declaration nearest to the
 * referencing file wins. Not thread-safe.
 */
final class TypeTable {
    private final Map<String, TypeEntry> byName = new HashMap<>();
    private final Map<String, List<TypeEntry>> duplicates = new HashMap<>();
    private final Set<String> packages = new HashSet<>();

    void addFile(JavaFileScope file) {
        List<JavaTypeDecl> decls = file.facts.types();
        String pkg = file.facts.packageName();
        for (String p = pkg; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            packages.add(p);
        }
        for (int i = 0; i < decls.size(); i++) {
            JavaTypeDecl decl = decls.get(i);
            String fqn = null;
            if (!decl.local()) {
                fqn = decl.parent() < 0 ? file.packagePrefix() + decl.name()
                        : file.entries[decl.parent()].fqn + "." + decl.name();
            }
            TypeEntry entry = new TypeEntry(file, i, decl, fqn);
            file.entries[i] = entry;
            if (decl.parent() >= 0) {
                if (!decl.name().isEmpty()) {
                    file.entries[decl.parent()].members.putIfAbsent(decl.name(), entry);
                }
            } else {
                file.topLevel.putIfAbsent(decl.name(), entry);
            }
            if (fqn != null) {
                TypeEntry previous = byName.putIfAbsent(fqn, entry);
                if (previous != null) {
                    duplicates.computeIfAbsent(fqn, k -> new ArrayList<>(List.of(previous))).add(entry);
                }
            }
        }
    }

    /** @return the type with this qualified name, nearest to {@code from} when declared twice; or null */
    TypeEntry get(String fqn, JavaFileScope from) {
        TypeEntry entry = byName.get(fqn);
        if (entry == null || from == null) {
            return entry;
        }
        List<TypeEntry> all = duplicates.get(fqn);
        if (all == null) {
            return entry;
        }
        TypeEntry best = entry;
        int bestScore = -1;
        for (TypeEntry candidate : all) {
            int score = commonPrefix(candidate.file.path, from.path);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** @return the deepest type named by a prefix of {@code segments} read as package + types, or null */
    TypeEntry longestPrefix(String[] segments, int count, JavaFileScope from) {
        StringBuilder name = new StringBuilder();
        TypeEntry found = null;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                name.append('.');
            }
            name.append(segments[i]);
            TypeEntry entry = get(name.toString(), from);
            if (entry != null) {
                found = entry;
            } else if (found != null) {
                break;
            }
        }
        return found;
    }

    boolean isPackage(String name) {
        return packages.contains(name);
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
