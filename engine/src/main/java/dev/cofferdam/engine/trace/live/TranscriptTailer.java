package dev.cofferdam.engine.trace.live;

import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.ingest.TranscriptReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a growing transcript, and the sub-agent files of a Claude Code session as they appear:
 * new complete lines are parsed incrementally (the same model as a full parse), a partial last
 * line waits for its newline. A file that shrinks or is replaced (another inode) is re-read from the
 * start; a deleted file is reported once and picked up again if it comes back. Polls with a stat
 * every interval (see README, "Trace": why polling). {@link #poll()} is synchronized;
 * {@link #start()} runs it on a daemon thread.
 */
public final class TranscriptTailer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptTailer.class);
    /** Poll interval used by the workbench: a stat every 25 ms costs nothing measurable. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(25);

    private final Path file;
    private final TailListener listener;
    private final Duration interval;
    private final FileFollower main;
    private final Map<Path, FileFollower> subagents = new TreeMap<>();
    private ScheduledExecutorService executor;
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
        this.main = new FileFollower(file);
        this.last = main.snapshot();
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
        FileFollower.Change change = main.poll();
        if (change == FileFollower.Change.GONE) {
            listener.gone();
            return;
        }
        if (change == FileFollower.Change.RESTARTED) {
            subagents.clear();
            last = new FileFollower(file).snapshot();
            listener.reset(main.restartReason());
        }
        boolean subChanged = pollSubagents();
        if (change != FileFollower.Change.NONE || subChanged) {
            publish();
        }
    }

    private boolean pollSubagents() throws IOException {
        boolean changed = false;
        for (Path sub : TranscriptReader.subagentFiles(file)) {
            FileFollower f = subagents.computeIfAbsent(sub, FileFollower::new);
            FileFollower.Change c = f.poll();
            changed |= c != FileFollower.Change.NONE;
        }
        return changed;
    }

    private void publish() {
        List<TraceSession> subs = new ArrayList<>();
        subagents.values().forEach(f -> subs.add(f.snapshot()));
        TraceSession now = main.snapshot().withSubagents(subs);
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
