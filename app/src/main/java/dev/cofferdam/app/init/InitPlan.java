package dev.cofferdam.app.init;

import dev.cofferdam.engine.map.RepoMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What {@code cofferdam init} changes: Claude Code's {@code .mcp.json}, Codex's
 * {@code config.toml}, and the map section of {@code AGENTS.md} and {@code CLAUDE.md}. Immutable.
 *
 * @param edits one per file, in the order they are shown and written
 */
public record InitPlan(List<FileEdit> edits) {
    public InitPlan {
        edits = List.copyOf(edits);
    }

    /**
     * @param root    the repository root
     * @param codex   Codex's config.toml
     * @param command the launcher agents start
     */
    public static InitPlan of(Path root, RepoMap map, Path codex, String command) throws InitException, IOException {
        String notes = MapSummary.render(map);
        return new InitPlan(List.of(
                ClaudeMcpJson.plan(root.resolve(ClaudeMcpJson.FILE), read(root.resolve(ClaudeMcpJson.FILE)), command,
                        List.of("mcp", ".")),
                CodexToml.plan(codex, read(codex), command, List.of("mcp", root.toString())),
                AgentNotes.plan(root.resolve("AGENTS.md"), read(root.resolve("AGENTS.md")), notes),
                AgentNotes.plan(root.resolve("CLAUDE.md"), read(root.resolve("CLAUDE.md")), notes)));
    }

    public boolean changes() {
        return edits.stream().anyMatch(FileEdit::changes);
    }

    /** Writes the changed files, each through a temporary file and a rename (never half-written). */
    public void apply() throws IOException {
        for (FileEdit e : edits) {
            if (!e.changes()) {
                continue;
            }
            Path dir = e.file().toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + e.file().getFileName(), ".tmp");
            try {
                Files.writeString(tmp, e.after(), StandardCharsets.UTF_8);
                Files.move(tmp, e.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static String read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }
}
