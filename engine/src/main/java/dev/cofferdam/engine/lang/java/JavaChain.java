package dev.cofferdam.engine.lang.java;

import java.util.List;

/**
 * The receiver of a call or field access that is itself a call or field access
 * ({@code a.b().c()} has receiver {@code a.b()}): its static type is a dependency javac records
 * (as the owner of the next member) although the source never names it.
 *
 * @param root    {@code this}, a variable or type name, or {@code new T} for an instance creation
 * @param members the calls ({@code m(N)}, N the number of arguments) and fields ({@code f}) applied
 *                to the root, in order
 * @param scope   index of the innermost enclosing type declaration, -1 at file level
 * @param owner   index of the innermost non-local named type, -1 when none
 * @param count   occurrences
 */
public record JavaChain(String root, List<String> members, int scope, int owner, int count) {
    public JavaChain {
        members = List.copyOf(members);
    }
}
