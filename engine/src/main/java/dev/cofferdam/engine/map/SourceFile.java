package dev.cofferdam.engine.map;

import java.util.List;

/**
 * One file of the repository as the map sees it.
 *
 * @param path        relative to the repository root, {@code /} separators
 * @param module      id of the module it belongs to
 * @param language    "java", "kotlin", ... or "other"
 * @param loc         non-blank lines
 * @param test        under a test source root or named like a test
 * @param generated   generated or vendored (not to be edited by hand)
 * @param owners      owners from CODEOWNERS first, then the top git authors
 * @param parseErrors messages of parse problems, empty when it parsed; files over the size limit
 *                    carry one entry saying they were not parsed
 */
public record SourceFile(
        String path,
        String module,
        String language,
        int loc,
        boolean test,
        boolean generated,
        List<String> owners,
        List<String> parseErrors) {

    public SourceFile {
        owners = List.copyOf(owners);
        parseErrors = List.copyOf(parseErrors);
    }
}
