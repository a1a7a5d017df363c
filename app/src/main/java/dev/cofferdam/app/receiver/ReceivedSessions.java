package dev.cofferdam.app.receiver;

import dev.cofferdam.engine.trace.AgentKind;
import dev.cofferdam.engine.trace.SessionRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where received events are kept: one JSONL transcript per session under
 * {@code <data dir>/received/}, appended whole lines at a time so a tailer never sees half a record.
 * Thread-safe (appends are serialized).
 */
public final class ReceivedSessions {
    private static final Logger LOG = LoggerFactory.getLogger(ReceivedSessions.class);
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

    /** @return the received sessions on disk, as Claude Code transcripts (empty when none arrived yet) */
    public List<SessionRef> list() {
        List<SessionRef> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                try {
                    out.add(new SessionRef(p.toAbsolutePath().toString(), AgentKind.CLAUDE_CODE, Files.size(p),
                            Files.getLastModifiedTime(p).toMillis()));
                } catch (IOException e) {
                    LOG.debug("skipping {}", p, e);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot list received sessions in {}", dir, e);
        }
        return out;
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
