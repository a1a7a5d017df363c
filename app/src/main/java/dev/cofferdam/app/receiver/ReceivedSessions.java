package dev.cofferdam.app.receiver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Where received events are kept: one JSONL transcript per session under
 * {@code <data dir>/received/}, appended whole lines at a time so a tailer never sees half a record.
 * Thread-safe (appends are serialized).
 */
public final class ReceivedSessions {
    private final Path dir;

    /** @param dataDir the trace data directory; files go to its {@code received} folder */
    public ReceivedSessions(Path dataDir) {
        this.dir = dataDir.resolve("received");
    }

    /** @return the folder holding the received sessions */
    public Path dir() {
        return dir;
    }

    /** @return the transcript file of a session (the id reduced to a safe file name) */
    public Path file(String sessionId) {
        String safe = sessionId == null || sessionId.isBlank() ? "unknown-session"
                : sessionId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.startsWith(".")) {
            safe = "_" + safe;
        }
        return dir.resolve(safe + ".jsonl");
    }

    /**
     * Appends lines to a session's transcript.
     *
     * @throws IOException when the file cannot be written
     */
    public synchronized void append(String sessionId, List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        Files.writeString(file(sessionId), b, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }
}
