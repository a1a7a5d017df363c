package dev.cofferdam.engine.lang.java;

import dev.cofferdam.engine.map.EdgeKind;

/**
 * A name that refers (or, when ambiguous, may refer) to a type, aggregated per place.
 *
 * @param name      as written, without type arguments ({@code Foo}, {@code Map.Entry},
 *                  {@code java.util.List})
 * @param kind      REFERENCE, ANNOTATION, EXTENDS or IMPLEMENTS
 * @param scope     index of the type declaration whose scope resolves the name, -1 for file level
 * @param owner     index of the innermost non-local named type using it (source of type edges), -1
 * @param count     number of occurrences
 * @param ambiguous a qualifier such as {@code Foo} in {@code Foo.bar()}: a type only when no
 *                  variable has that name and a type is found
 */
public record JavaRef(String name, EdgeKind kind, int scope, int owner, int count, boolean ambiguous) {
}
