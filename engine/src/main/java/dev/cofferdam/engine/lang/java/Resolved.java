package dev.cofferdam.engine.lang.java;

/**
 * Where a name resolved: a type of the repository, or a named type outside it.
 *
 * @param entry    the repository type, or null
 * @param external the qualified (or as-written) name outside the repository, or null
 */
record Resolved(TypeEntry entry, String external) {
    static Resolved of(TypeEntry entry) {
        return entry == null ? null : new Resolved(entry, null);
    }

    static Resolved outside(String name) {
        return new Resolved(null, name);
    }
}
