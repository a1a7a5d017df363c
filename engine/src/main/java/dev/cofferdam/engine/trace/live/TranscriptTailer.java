package dev.cofferdam.engine.trace.live;

import dev.cofferdam.engine.trace.ToolCall;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a growing transcript: new complete lines are parsed incrementally (the same model as a
 * full parse), a partial last line waits for its newline. A file that shrinks or is replaced
 * (another inode) is re-read from the start; a deleted file is reported once and picked up again
 * if it comes back. Polls with a stat every interval (see README, "Trace": why polling).
 * {@link #poll()} is confined to one thread at a time (synchronized); {@link #start()} runs it on
 * a daemon thread.
 */
public final class TranscriptTailer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptTailer.class);
    /** Poll interval used by the workbench: a stat every 25 ms costs nothing measurable. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(25);
    private static final int CHUNK = 1 << 16;

    private final Path file;
    private final TailListener listener;
    private final Duration interval;
    private final ByteBuffer buf = ByteBuffer.allocate(CHUNK);
    private ScheduledExecutorService executor;
    private TranscriptParser parser;
    private long offset;
    private Object fileKey;
    private boolean gone;
    private TraceSession last;

    /**
     * @param file     the transcript to follow (may not exist yet)
     * @param listener receives updates on the polling thread
     * @param interval time between polls when started
     */
    public TranscriptTailer(Path file, TailListener listener, Duration interval) {
        this.file = file;
        this.listener = listener;
        this.interval = interval;
        this.parser = new TranscriptParser(file.toAbsolutePath().toString());
        this.last = parser.snapshot();
    }

    /** Starts polling on a daemon thread. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cofferdam-tail-" + file.getFileName());
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** @return the session as parsed so far */
    public synchronized TraceSession snapshot() {
        return last;
    }

    /** Reads whatever was appended since the last poll and notifies the listener of changes. */
    public synchronized void poll() throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (!gone && offset > 0) {
                gone = true;
                listener.gone();
            }
            return;
        }
        boolean replaced = fileKey != null && attrs.fileKey() != null && !Objects.equals(fileKey, attrs.fileKey());
        if (attrs.size() < offset || replaced || gone) {
            restart(replaced || gone ? "replaced" : "truncated");
        }
        fileKey = attrs.fileKey();
        if (attrs.size() == offset) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(offset);
            int n;
            while ((n = ch.read(buf.clear())) > 0) {
                parser.feed(buf.array(), 0, n);
                offset += n;
            }
        }
        publish();
    }

    private void restart(String reason) {
        parser = new TranscriptParser(file.toAbsolutePath().toString());
        offset = 0;
        gone = false;
        last = parser.snapshot();
        listener.reset(reason);
    }

    private void publish() {
        TraceSession now = parser.snapshot();
        List<ToolCall> changed = new ArrayList<>();
        List<ToolCall> before = last.calls();
        for (ToolCall c : now.calls()) {
            if (c.seq() > before.size() || !before.get(c.seq() - 1).equals(c)) {
                changed.add(c);
            }
        }
        boolean different = !changed.isEmpty() || !now.equals(last);
        last = now;
        if (different) {
            listener.updated(now, changed);
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (IOException | RuntimeException e) {
            LOG.warn("tailing {} failed; will retry", file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
