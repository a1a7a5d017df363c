package dev.cofferdam.engine.lang.java;

import java.util.List;
import java.util.Map;

/**
 * A type declared in a file.
 *
 * @param name   simple name ("" for an anonymous class)
 * @param kind   "class", "interface", "enum", "record", "annotation" or "anonymous"
 * @param parent index of the enclosing type declaration in the same file, -1 for a top-level type
 * @param local  declared inside a method body (or anonymous): visible only there, not reported
 * @param supers direct supertypes as written, without type arguments ({@code Map.Entry})
 * @param methods return type as written of each method declared here, by name and by
 *                {@code name/arity} ({@code name/*} for varargs); "" when the overloads under that
 *                key disagree or the type is primitive, an array or a type parameter
 * @param params  parameter types as written of each method and constructor ({@code <init>}) declared
 *                here, by {@code name/arity} ({@code name/*} for varargs), comma-separated; a
 *                position is "" when overloads disagree there or the type is not a class type
 * @param fields  declared type as written of each field declared here (same rules)
 */
public record JavaTypeDecl(String name, String kind, int parent, boolean local, List<String> supers,
                           Map<String, String> methods, Map<String, String> fields, Map<String, String> params) {
    public JavaTypeDecl {
        supers = List.copyOf(supers);
        methods = Map.copyOf(methods);
        fields = Map.copyOf(fields);
        params = Map.copyOf(params);
    }
}
