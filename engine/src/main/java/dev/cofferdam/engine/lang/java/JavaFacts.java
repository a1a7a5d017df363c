package dev.cofferdam.engine.lang.java;

import dev.cofferdam.engine.lang.LanguageFacts;
import java.util.List;
import java.util.Map;

/**
 * The facts of one Java file: its package, imports, declared types and type references.
 * Immutable.
 *
 * @param packageName   "" for the default package
 * @param chains        receivers that are calls or field accesses, typed at link time
 * @param calls         method and constructor calls on repository types: the chain of the receiver
 *                      (root {@code this} when unqualified, {@code super} for {@code super(...)},
 *                      {@code type:T} for {@code new T(...)}) ending in the call {@code m(N)} or
 *                      {@code <init>(N)}; the callee's parameter types are linked
 * @param variableTypes declared type as written of the variables used as chain roots ("" when the
 *                      name is declared with different or non-class types in the file)
 */
public record JavaFacts(String packageName, List<JavaImport> imports, List<JavaTypeDecl> types, List<JavaRef> refs,
                        List<JavaChain> chains, List<JavaChain> calls, Map<String, String> variableTypes) implements LanguageFacts {
    public JavaFacts {
        imports = List.copyOf(imports);
        types = List.copyOf(types);
        refs = List.copyOf(refs);
        chains = List.copyOf(chains);
        calls = List.copyOf(calls);
        variableTypes = Map.copyOf(variableTypes);
    }
}
