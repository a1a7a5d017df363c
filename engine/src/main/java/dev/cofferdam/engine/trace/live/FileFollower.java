package dev.cofferdam.engine.trace.live;

import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.ingest.TranscriptParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Reads what was appended to one transcript since the last call and feeds it to an incremental
 * parser. A file that shrank or was replaced (another file key) restarts from its beginning.
 * Not thread-safe: {@link TranscriptTailer} confines it.
 */
final class FileFollower {
    /** What one {@link #poll()} found. */
    enum Change { NONE, GREW, RESTARTED, GONE }

    private static final int CHUNK = 1 << 16;
    private final Path file;
    private final ByteBuffer buf = ByteBuffer.allocate(CHUNK);
    private TranscriptParser parser;
    private long offset;
    private Object fileKey;
    private boolean gone;
    private String restartReason;

    FileFollower(Path file) {
        this.file = file;
        this.parser = new TranscriptParser(file.toAbsolutePath().toString());
    }

    TraceSession snapshot() {
        return parser.snapshot();
    }

    String restartReason() {
        return restartReason;
    }

    Change poll() throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (!gone && offset > 0) {
                gone = true;
                return Change.GONE;
            }
            return Change.NONE;
        }
        Change change = Change.NONE;
        boolean replaced = fileKey != null && attrs.fileKey() != null && !Objects.equals(fileKey, attrs.fileKey());
        if (attrs.size() < offset || replaced || gone) {
            restartReason = replaced || gone ? "replaced" : "truncated";
            parser = new TranscriptParser(file.toAbsolutePath().toString());
            offset = 0;
            gone = false;
            change = Change.RESTARTED;
        }
        fileKey = attrs.fileKey();
        if (attrs.size() == offset) {
            return change;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(offset);
            int n;
            while ((n = ch.read(buf.clear())) > 0) {
                parser.feed(buf.array(), 0, n);
                offset += n;
            }
        }
        return change == Change.NONE ? Change.GREW : change;
    }
}
