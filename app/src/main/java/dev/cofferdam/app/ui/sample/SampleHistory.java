package dev.cofferdam.app.ui.sample;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted git history of the sample repository (assets {@code sample/history.txt}): commits
 * with author, date, message and the files each touches. Immutable.
 */
public record SampleHistory(List<Commit> commits) {
    private static final Pattern COMMIT = Pattern.compile("commit (\\S+) \\| (.+?) <([^>]+)> \\| (.+)");

    /** One scripted commit. */
    public record Commit(Instant date, String author, String email, String message, List<String> files) {
        public Commit {
            files = List.copyOf(files);
        }
    }

    public SampleHistory {
        commits = List.copyOf(commits);
    }

    /**
     * @throws IllegalArgumentException with the line number when the text is malformed
     */
    public static SampleHistory parse(String text) {
        List<Commit> commits = new ArrayList<>();
        List<String> lines = text.lines().toList();
        Commit open = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("  ")) {
                if (open == null) {
                    throw new IllegalArgumentException("history line " + (i + 1) + ": file before any commit");
                }
                files.add(line.trim());
                continue;
            }
            Matcher m = COMMIT.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("history line " + (i + 1) + ": expected 'commit DATE | AUTHOR <EMAIL> | MESSAGE'");
            }
            if (open != null) {
                commits.add(new Commit(open.date(), open.author(), open.email(), open.message(), files));
            }
            files = new ArrayList<>();
            try {
                open = new Commit(Instant.parse(m.group(1)), m.group(2).trim(), m.group(3), m.group(4).trim(), List.of());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("history line " + (i + 1) + ": bad date " + m.group(1), e);
            }
        }
        if (open != null) {
            commits.add(new Commit(open.date(), open.author(), open.email(), open.message(), files));
        }
        return new SampleHistory(commits);
    }

    /** How many commits touch {@code path}. */
    public int touches(String path) {
        return (int) commits.stream().filter(c -> c.files().contains(path)).count();
    }

    /** Every file the history names, in order of first appearance. */
    public List<String> files() {
        return commits.stream().flatMap(c -> c.files().stream()).distinct().toList();
    }
}
