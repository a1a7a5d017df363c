package dev.cofferdam.engine.lang.java;

import dev.cofferdam.engine.lang.LanguageFacts;
import java.util.List;

/**
 * The facts of one Java file: its package, imports, declared types and type references.
 * Immutable.
 *
 * @param packageName "" for the default package
 */
public record JavaFacts(String packageName, List<JavaImport> imports, List<JavaTypeDecl> types, List<JavaRef> refs)
        implements LanguageFacts {
    public JavaFacts {
        imports = List.copyOf(imports);
        types = List.copyOf(types);
        refs = List.copyOf(refs);
    }
}
