package dev.cofferdam.engine.lang;

import java.util.List;

/**
 * Everything the map keeps about one file between runs: the language-neutral part and the
 * language-specific facts. Immutable.
 *
 * @param path        relative to the repository root
 * @param language    "java", ... or "other"
 * @param loc         non-blank lines
 * @param generated   the file's head says it is generated
 * @param binary      the file is binary (not part of the map)
 * @param parseErrors parse problems, or "not parsed: ..." when it was skipped
 * @param details     language-specific facts, or null
 */
public record FileFacts(String path, String language, int loc, boolean generated, boolean binary,
                        List<String> parseErrors, LanguageFacts details) {
    public FileFacts {
        parseErrors = List.copyOf(parseErrors);
    }
}
