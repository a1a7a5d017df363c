package dev.cofferdam.engine.map;

/**
 * A reference that resolves to nothing in the repository (a library, the JDK, or an unknown name).
 *
 * @param from   the referencing file
 * @param name   the qualified name where it could be determined, otherwise the name as written
 * @param kind   the kind of reference
 * @param weight number of references
 */
public record ExternalRef(String from, String name, EdgeKind kind, int weight) {
}
