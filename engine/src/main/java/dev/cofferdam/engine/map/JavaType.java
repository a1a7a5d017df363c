package dev.cofferdam.engine.map;

/**
 * A type declared in the repository.
 *
 * @param name qualified name, nested types joined with '.' ({@code a.b.Outer.Inner})
 * @param file the file that declares it
 * @param kind "class", "interface", "enum", "record" or "annotation"
 */
public record JavaType(String name, String file, String kind) {
}
