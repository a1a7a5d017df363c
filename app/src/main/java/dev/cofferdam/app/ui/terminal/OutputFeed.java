package dev.cofferdam.app.ui.terminal;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Hands program output from the threads that read it to the FX thread in batches: however many
 * chunks arrive, at most one task is queued on the FX executor at a time, and it takes everything
 * pending (up to {@value #MAX_BATCH} bytes, then it queues itself again so the FX thread can
 * paint in between). A writer that gets more than {@value #MAX_PENDING} bytes ahead waits, which
 * slows the program down instead of filling memory. Thread-safe.
 */
public final class OutputFeed {
    static final int MAX_BATCH = 256 * 1024;
    static final int MAX_PENDING = 4 * 1024 * 1024;

    private final Executor fx;
    private final Consumer<byte[]> sink;
    private final Object lock = new Object();
    private byte[] pending = new byte[8192];
    private int size;
    private boolean posted;
    private boolean closed;
    private long batches;

    /** @param sink called on the FX executor with each batch, in order */
    public OutputFeed(Executor fx, Consumer<byte[]> sink) {
        this.fx = Objects.requireNonNull(fx);
        this.sink = Objects.requireNonNull(sink);
    }

    /** Any thread: queues bytes; blocks while too much is already waiting for the FX thread. */
    public void offer(byte[] data, int off, int len) {
        boolean post;
        synchronized (lock) {
            while (size > MAX_PENDING && !closed) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (size + len > pending.length) {
                pending = Arrays.copyOf(pending, Math.max(pending.length * 2, size + len));
            }
            System.arraycopy(data, off, pending, size, len);
            size += len;
            post = !posted;
            posted = true;
        }
        if (post) {
            fx.execute(this::drain);
        }
    }

    private void drain() {
        byte[] batch;
        boolean more;
        synchronized (lock) {
            int n = Math.min(size, MAX_BATCH);
            batch = Arrays.copyOf(pending, n);
            System.arraycopy(pending, n, pending, 0, size - n);
            size -= n;
            more = size > 0;
            posted = more;
            batches++;
            lock.notifyAll();
        }
        if (batch.length > 0) {
            sink.accept(batch);
        }
        if (more) {
            fx.execute(this::drain);
        }
    }

    /** Releases a writer waiting for room (when the view goes away). */
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    /** Batches handed to the sink so far. */
    public long batches() {
        synchronized (lock) {
            return batches;
        }
    }
}
