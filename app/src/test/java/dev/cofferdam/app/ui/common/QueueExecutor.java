package dev.cofferdam.app.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that only queues; the test decides when queued tasks run. */
public final class QueueExecutor implements Executor {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    /** Runs queued tasks (and what they queue) until none is left. */
    public int runAll() {
        int n = 0;
        while (!queue.isEmpty()) {
            queue.poll().run();
            n++;
        }
        return n;
    }

    public int size() {
        return queue.size();
    }
}
