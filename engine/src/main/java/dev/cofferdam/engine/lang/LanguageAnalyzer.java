package dev.cofferdam.engine.lang;

import dev.cofferdam.engine.scan.SourceRoot;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Support for one language: per-file fact extraction (parallel, cacheable) and whole-repository
 * linking (facts to edges). The map pipeline knows nothing else about a language. Implementations
 * must be thread-safe: {@link #analyze} runs on several worker threads at once.
 */
public interface LanguageAnalyzer {
    /** @return the language name used in {@code SourceFile.language} */
    String language();

    /**
     * Extracts the facts of one file. Never throws for bad source: problems go into the returned
     * facts' parse errors.
     *
     * @param path repository-relative path
     * @param text the file's content
     * @return facts (details may be partial when the file does not parse)
     */
    LanguageFacts analyze(String path, String text, List<String> parseErrors);

    /**
     * @return true when the two facts of one file declare the same things, so that other files'
     *         dependencies cannot differ between them (a change inside method bodies)
     */
    boolean sameDeclarations(LanguageFacts before, LanguageFacts after);

    /** Resolves the facts of all files of this language into dependencies. */
    void link(LinkContext context, DependencySink sink);

    /**
     * Source roots implied by the facts (e.g. a Java file in {@code a/b/c/X.java} with package
     * {@code b.c} implies root {@code a}), for repositories without build files.
     */
    List<SourceRoot> inferRoots(List<FileFacts> files);

    /** Bumped whenever the facts format or extraction changes, so cached facts are re-extracted. */
    int factsVersion();

    void write(LanguageFacts facts, DataOutput out) throws IOException;

    LanguageFacts read(DataInput in) throws IOException;
}
