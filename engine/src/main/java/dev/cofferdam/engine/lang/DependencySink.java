package dev.cofferdam.engine.lang;

import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.JavaType;

/**
 * Receives what a language's linker resolved. Repeated calls for the same (from, to, kind) add up
 * their weights. Not thread-safe: a linker calls it from one thread.
 */
public interface DependencySink {
    /** A dependency from one repository file on another (self edges are ignored). */
    void fileEdge(String fromFile, String toFile, EdgeKind kind, int weight);

    /** A dependency between two types declared in the repository. */
    void typeEdge(String fromType, String toType, EdgeKind kind, int weight);

    /** A dependency on something outside the repository (or not found in it). */
    void external(String fromFile, String name, EdgeKind kind, int weight);

    /** A type declared in the repository. */
    void declaredType(JavaType type);
}
