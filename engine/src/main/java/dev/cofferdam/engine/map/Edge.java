package dev.cofferdam.engine.map;

/**
 * A directed dependency: {@code from} uses {@code to}. For file edges both ends are file paths; for
 * type edges both are qualified type names (nested types with {@code .}).
 *
 * @param weight number of references of this kind
 */
public record Edge(String from, String to, EdgeKind kind, int weight) {
}
