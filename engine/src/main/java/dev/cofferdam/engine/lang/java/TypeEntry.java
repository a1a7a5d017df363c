package dev.cofferdam.engine.lang.java;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One declared type during linking (named, local or anonymous), with its member types and, once
 * resolved, its direct supertypes inside the repository. Not thread-safe (linking is
 * single-threaded).
 */
final class TypeEntry {
    final JavaFileScope file;
    final int index;
    final JavaTypeDecl decl;
    /** Qualified name, or null for local and anonymous types. */
    final String fqn;
    final Map<String, TypeEntry> members = new HashMap<>(4);
    /** Member type lookups including inherited ones, memoized (null results as {@link #NONE}). */
    final Map<String, TypeEntry> memberCache = new HashMap<>(8);
    List<TypeEntry> supers;
    boolean resolvingSupers;

    static final TypeEntry NONE = new TypeEntry(null, -1, null, null);

    TypeEntry(JavaFileScope file, int index, JavaTypeDecl decl, String fqn) {
        this.file = file;
        this.index = index;
        this.decl = decl;
        this.fqn = fqn;
    }

    @Override
    public String toString() {
        return fqn != null ? fqn : file.path + "#" + index;
    }
}
