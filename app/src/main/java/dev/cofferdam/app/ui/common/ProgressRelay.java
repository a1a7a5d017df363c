package dev.cofferdam.app.ui.common;

import dev.cofferdam.engine.ProgressListener;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A {@link ProgressListener} that re-posts the latest progress to the FX executor, coalescing
 * bursts so the FX thread gets at most one pending update however fast the engine reports.
 * {@link #close()} stops delivery (call it when the task ends or is cancelled).
 */
public final class ProgressRelay implements ProgressListener, AutoCloseable {
    /** One progress report. {@code fraction} is -1 when the total is unknown. */
    public record Step(String phase, long done, long total) {
        public double fraction() {
            return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
        }
    }

    private final Executor fx;
    private final Consumer<Step> consumer;
    private final AtomicReference<Step> latest = new AtomicReference<>();
    private final AtomicBoolean posted = new AtomicBoolean();
    private volatile boolean closed;

    public ProgressRelay(Executor fx, Consumer<Step> consumer) {
        this.fx = fx;
        this.consumer = consumer;
    }

    @Override
    public void progress(String phase, long done, long total) {
        if (closed) {
            return;
        }
        latest.set(new Step(phase, done, total));
        if (posted.compareAndSet(false, true)) {
            fx.execute(this::deliver);
        }
    }

    private void deliver() {
        posted.set(false);
        Step step = latest.getAndSet(null);
        if (step != null && !closed) {
            consumer.accept(step);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
