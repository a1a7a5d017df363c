package dev.cofferdam.engine.lang.java;

import java.util.List;

/**
 * A type declared in a file.
 *
 * @param name   simple name ("" for an anonymous class)
 * @param kind   "class", "interface", "enum", "record", "annotation" or "anonymous"
 * @param parent index of the enclosing type declaration in the same file, -1 for a top-level type
 * @param local  declared inside a method body (or anonymous): visible only there, not reported
 * @param supers direct supertypes as written, without type arguments ({@code Map.Entry})
 */
public record JavaTypeDecl(String name, String kind, int parent, boolean local, List<String> supers) {
    public JavaTypeDecl {
        supers = List.copyOf(supers);
    }
}
