package dev.cofferdam.engine.owners;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A parsed CODEOWNERS file (GitHub and GitLab syntax). Within a section the LAST matching rule
 * wins (a rule with no owner un-assigns); GitLab {@code [Section]} headers (with optional
 * {@code ^} and {@code [n]} approvals and default owners) start a new section, and the owners of
 * all sections that match are combined, as GitLab does. A file without sections behaves as on
 * GitHub. Comments ({@code #}) and blank lines are ignored. Immutable and thread-safe.
 */
public final class CodeOwners {
    private static final Logger LOG = LoggerFactory.getLogger(CodeOwners.class);
    /** Where GitHub looks, in its order; the first file found is used. */
    static final List<String> LOCATIONS = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS",
            ".gitlab/CODEOWNERS");
    public static final CodeOwners NONE = new CodeOwners(List.of());

    private final List<List<Rule>> sections;

    private CodeOwners(List<List<Rule>> sections) {
        this.sections = sections;
    }

    /** @return the CODEOWNERS of {@code root} ({@link #NONE} when there is none or it cannot be read) */
    public static CodeOwners load(Path root) {
        for (String loc : LOCATIONS) {
            Path f = root.resolve(loc);
            if (Files.isRegularFile(f)) {
                try {
                    return parse(Files.readString(f, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    LOG.warn("cannot read {}: {}", f, e.toString());
                    return NONE;
                }
            }
        }
        return NONE;
    }

    /** Parses the text of a CODEOWNERS file. */
    public static CodeOwners parse(String text) {
        List<List<Rule>> sections = new ArrayList<>();
        List<Rule> current = new ArrayList<>();
        sections.add(current);
        List<String> sectionDefaults = List.of();
        for (String raw : text.split("\r?\n")) {
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            Optional<List<String>> header = sectionHeader(line);
            if (header.isPresent()) {
                current = new ArrayList<>();
                sections.add(current);
                sectionDefaults = header.get();
                continue;
            }
            List<String> tokens = tokens(line);
            List<String> owners = tokens.subList(1, tokens.size());
            if (owners.isEmpty()) {
                owners = sectionDefaults;
            }
            current.add(new Rule(CodeOwnersPattern.compile(tokens.get(0)), List.copyOf(owners)));
        }
        sections.removeIf(List::isEmpty);
        return new CodeOwners(List.copyOf(sections));
    }

    /** @return the owners of {@code path} (relative, {@code /} separators), empty when none */
    public List<String> ownersOf(String path) {
        Set<String> owners = new LinkedHashSet<>();
        for (List<Rule> section : sections) {
            for (int i = section.size() - 1; i >= 0; i--) {
                Rule r = section.get(i);
                if (r.pattern().matches(path)) {
                    owners.addAll(r.owners());
                    break;
                }
            }
        }
        return List.copyOf(owners);
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }

    /** {@code [Name]}, {@code ^[Name]}, {@code [Name][2] @default @owners}: the default owners. */
    private static Optional<List<String>> sectionHeader(String line) {
        String l = line.startsWith("^") ? line.substring(1) : line;
        if (!l.startsWith("[")) {
            return Optional.empty();
        }
        int close = l.indexOf(']');
        if (close < 0) {
            return Optional.empty();
        }
        String rest = l.substring(close + 1).strip();
        if (rest.startsWith("[")) {
            int c2 = rest.indexOf(']');
            rest = c2 < 0 ? "" : rest.substring(c2 + 1).strip();
        }
        return Optional.of(rest.isEmpty() ? List.of() : List.copyOf(tokens(rest)));
    }

    /** Removes a comment: {@code #} at the start or after whitespace, unless escaped. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Splits on whitespace, keeping backslash-escaped spaces inside the pattern. */
    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
                cur.append("\\ ");
                i++;
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private record Rule(CodeOwnersPattern pattern, List<String> owners) {
    }
}
