package dev.cofferdam.app.ui.walls;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A stand-in for the FX thread in view-model tests: tasks posted from any thread are queued and
 * run by the test thread, so the test sees exactly what the FX thread would, and when.
 */
final class FxQueue implements Executor {
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    int pending() {
        return queue.size();
    }

    /** Runs queued tasks now, without waiting. */
    int runAll() {
        int n = 0;
        for (Runnable r = queue.poll(); r != null; r = queue.poll()) {
            r.run();
            n++;
        }
        return n;
    }

    /** Runs posted tasks as they arrive until the condition holds (bounded: fails after 10 s). */
    void runUntil(BooleanSupplier condition) throws InterruptedException {
        runUntil(condition, Duration.ofSeconds(10));
    }

    /** Runs posted tasks as they arrive until the condition holds (bounded by {@code limit}). */
    void runUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        runAll();
        while (!condition.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("condition not reached; " + queue.size() + " tasks queued");
            }
            Runnable r = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            if (r != null) {
                r.run();
            }
        }
    }
}
