package dev.cofferdam.engine.trace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real transcripts in shared/fixtures/transcripts by walking up from the working directory. */
public final class Fixtures {
    public static final String CLAUDE_CRUD = "claude-code_2.0.14_crud.jsonl";
    public static final String CLAUDE_TOOL_HEAVY = "claude-code_2.1.38_tool_heavy.jsonl";
    public static final String CODEX_CRUD = "codex-cli_0.89.0_crud.rollout.jsonl";

    private Fixtures() {
    }

    /** @return the directory, or null when no ancestor holds shared/fixtures/transcripts */
    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("shared/fixtures/transcripts");
            if (Files.isDirectory(d)) {
                return d;
            }
        }
        return null;
    }

    /** @return the fixture; skips the test with a message when the fixtures are absent */
    public static Path transcript(String name) {
        Path d = dir();
        assumeTrue(d != null && Files.isRegularFile(d.resolve(name)),
                "real transcripts not found: no shared/fixtures/transcripts above " + Path.of("").toAbsolutePath());
        return d.resolve(name);
    }
}
