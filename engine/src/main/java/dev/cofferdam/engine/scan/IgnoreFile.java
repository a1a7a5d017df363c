package dev.cofferdam.engine.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one {@code .gitignore} (or {@code .git/info/exclude}), relative to the directory it
 * applies to. Immutable and thread-safe.
 *
 * @param base  the directory the patterns are relative to, relative to the repository root ("" for
 *              the root)
 * @param rules in file order (the last matching rule wins)
 */
record IgnoreFile(String base, List<IgnoreRule> rules) {

    static IgnoreFile read(Path file, String base) throws IOException {
        List<IgnoreRule> rules = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            IgnoreRule rule = IgnoreRule.parse(line);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new IgnoreFile(base, List.copyOf(rules));
    }

    static IgnoreFile of(String base, String... lines) {
        List<IgnoreRule> rules = new ArrayList<>();
        for (String line : lines) {
            IgnoreRule rule = IgnoreRule.parse(line);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new IgnoreFile(base, List.copyOf(rules));
    }

    /**
     * @param path repository-relative path of a file or directory below {@link #base()}
     * @return TRUE ignored, FALSE explicitly re-included, null when no rule matches
     */
    Boolean decide(String path, boolean directory) {
        String relative = base.isEmpty() ? path : path.substring(base.length() + 1);
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        for (int i = rules.size() - 1; i >= 0; i--) {
            IgnoreRule rule = rules.get(i);
            if (rule.matches(relative, name, directory)) {
                return !rule.negated();
            }
        }
        return null;
    }
}
