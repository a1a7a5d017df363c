package dev.cofferdam.app.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a callable on the background executor and hands its outcome to the FX executor:
 * {@code FxTasks.create(call).onSuccess(..).onError(Type.class, ..).andFinally(..).runOnce(threads)}.
 * Error handlers are tried in the order they were added; the first whose type matches wins.
 * An error no handler takes is logged. After {@link Handle#cancel()} no handler runs.
 *
 * @param <T> the result type
 */
public final class FxTasks<T> {
    private static final Logger LOG = LoggerFactory.getLogger(FxTasks.class);

    private final Callable<T> call;
    private Consumer<T> success = r -> { };
    private final List<ErrorHandler<?>> errors = new ArrayList<>();
    private Runnable last = () -> { };

    private FxTasks(Callable<T> call) {
        this.call = call;
    }

    public static <T> FxTasks<T> create(Callable<T> call) {
        return new FxTasks<>(call);
    }

    public FxTasks<T> onSuccess(Consumer<T> handler) {
        this.success = handler;
        return this;
    }

    public <E extends Throwable> FxTasks<T> onError(Class<E> type, Consumer<E> handler) {
        errors.add(new ErrorHandler<>(type, handler));
        return this;
    }

    public FxTasks<T> andFinally(Runnable handler) {
        this.last = handler;
        return this;
    }

    /** Starts the task; the returned handle cancels it (handlers then never run). */
    public Handle runOnce(UiThreads threads) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Handle handle = new Handle(cancelled);
        threads.background().execute(() -> {
            handle.worker = Thread.currentThread();
            try {
                T result = call.call();
                threads.fx().execute(() -> finish(cancelled, () -> success.accept(result)));
            } catch (Throwable e) {
                threads.fx().execute(() -> finish(cancelled, () -> fail(e)));
            } finally {
                handle.worker = null;
            }
        });
        return handle;
    }

    private void finish(AtomicBoolean cancelled, Runnable outcome) {
        if (cancelled.get()) {
            return;
        }
        try {
            outcome.run();
        } finally {
            last.run();
        }
    }

    private void fail(Throwable e) {
        for (ErrorHandler<?> h : errors) {
            if (h.type().isInstance(e)) {
                h.accept(e);
                return;
            }
        }
        LOG.error("background task failed", e);
    }

    private record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<E> handler) {
        void accept(Throwable e) {
            handler.accept(type.cast(e));
        }
    }

    /** Cancels a started task: its handlers never run, and its worker thread is interrupted. */
    public static final class Handle {
        private final AtomicBoolean cancelled;
        private volatile Thread worker;

        Handle(AtomicBoolean cancelled) {
            this.cancelled = cancelled;
        }

        public void cancel() {
            cancelled.set(true);
            Thread t = worker;
            if (t != null) {
                t.interrupt();
            }
        }

        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
