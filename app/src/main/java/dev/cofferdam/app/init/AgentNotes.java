package dev.cofferdam.app.init;

import java.nio.file.Path;

/**
 * The cofferdam section of {@code AGENTS.md} / {@code CLAUDE.md}, kept between
 * {@value #BEGIN} and {@value #END}: replaced there when present, appended otherwise. Text outside
 * the markers is never changed. Stateless and thread-safe.
 */
public final class AgentNotes {
    public static final String BEGIN = "<!-- cofferdam:begin -->";
    public static final String END = "<!-- cofferdam:end -->";

    private AgentNotes() {
    }

    /**
     * @param before  the file's content, or null when there is none
     * @param section the section's text, without markers
     * @throws InitException when only one marker is there, or they are in the wrong order
     */
    public static FileEdit plan(Path file, String before, String section) throws InitException {
        String block = BEGIN + "\n" + section.strip() + "\n" + END;
        if (before == null || before.isEmpty()) {
            return new FileEdit(file, before, block + "\n", "create with the cofferdam section");
        }
        int b = before.indexOf(BEGIN);
        int e = before.indexOf(END);
        if (b < 0 && e < 0) {
            String sep = before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
            return new FileEdit(file, before, before + sep + block + "\n", "append the cofferdam section");
        }
        if (b < 0 || e < 0 || e < b || before.indexOf(BEGIN, b + 1) >= 0) {
            throw new InitException(file + " has a broken cofferdam section (need one " + BEGIN + " before one " + END
                    + "): fix the markers, then rerun");
        }
        String after = before.substring(0, b) + block + before.substring(e + END.length());
        return new FileEdit(file, before, after,
                after.equals(before) ? "cofferdam section up to date" : "update the cofferdam section");
    }
}
