package dev.cofferdam.app.ui.trace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.app.receiver.ClaudeLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Real fixture transcripts, and synthetic Claude Code transcripts written line by line. */
final class Transcripts {
    private static final ObjectMapper M = new ObjectMapper();
    static final String SESSION = "synthetic";

    private Transcripts() {
    }

    /** @return shared/fixtures/transcripts/NAME, found by walking up from the working directory */
    static Path fixture(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared/fixtures/transcripts").resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        assumeTrue(false, "real transcripts not found: no shared/fixtures/transcripts above the working dir");
        return null;
    }

    static String prompt(String cwd, String text) {
        return ClaudeLines.prompt(SESSION, cwd, "2026-01-01T00:00:00Z", text);
    }

    /** One call in its own model response, then its result: two lines. */
    static String call(String cwd, String id, String tool, String inputJson, String result, boolean error) {
        try {
            return ClaudeLines.toolUse(SESSION, cwd, "2026-01-01T00:00:00Z", id, tool, M.readTree(inputJson)) + "\n"
                    + ClaudeLines.toolResult(SESSION, cwd, "2026-01-01T00:00:01Z", id, result, error);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends whole lines to a transcript. */
    static void append(Path file, String... lines) {
        try {
            Files.writeString(file, String.join("\n", lines) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A session that runs the same listing three times with the same result: an identical run. */
    static void thrashing(Path file) {
        append(file, prompt("/work/p", "list the sources"),
                call("/work/p", "t1", "Read", "{\"file_path\":\"/work/p/README.md\"}", "hello", false),
                call("/work/p", "t2", "Bash", "{\"command\":\"ls src\"}", "A.java", false),
                call("/work/p", "t3", "Bash", "{\"command\":\"ls src\"}", "A.java", false),
                call("/work/p", "t4", "Bash", "{\"command\":\"ls src\"}", "A.java", false));
    }
}
