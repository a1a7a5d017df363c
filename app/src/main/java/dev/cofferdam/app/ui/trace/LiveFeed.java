package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.live.TailListener;
import dev.cofferdam.engine.trace.live.TranscriptTailer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows a transcript for the Trace view: each update is analysed on the tailer's thread and handed
 * to the FX executor, batched: while one hand-over is pending, newer analyses replace it, so a fast
 * writer costs at most one FX pulse per batch. Thread-safe.
 */
final class LiveFeed implements AutoCloseable, TailListener {
    private final TranscriptTailer tailer;
    private final Function<TraceSession, TraceAnalysis> analyse;
    private final Executor fx;
    private final Consumer<TraceAnalysis> apply;
    private final AtomicReference<TraceAnalysis> pending = new AtomicReference<>();
    private volatile boolean closed;

    LiveFeed(Path file, Duration interval, Function<TraceSession, TraceAnalysis> analyse, Executor fx,
             Consumer<TraceAnalysis> apply) {
        this.analyse = analyse;
        this.fx = fx;
        this.apply = apply;
        this.tailer = new TranscriptTailer(file, this, interval);
    }

    void start() {
        tailer.start();
    }

    @Override
    public void updated(TraceSession session, List<ToolCall> changed) {
        if (pending.getAndSet(analyse.apply(session)) == null) {
            fx.execute(() -> {
                TraceAnalysis latest = pending.getAndSet(null);
                if (latest != null && !closed) {
                    apply.accept(latest);
                }
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        tailer.close();
    }
}
