package dev.cofferdam.app.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Executors with named daemon threads that log what they did not catch. */
public final class NamedExecutors {
    private static final Logger LOG = LoggerFactory.getLogger(NamedExecutors.class);

    private NamedExecutors() {
    }

    /** A cached pool of daemon threads named {@code prefix-N}; shut it down on exit. */
    public static ExecutorService cached(String prefix) {
        return Executors.newCachedThreadPool(factory(prefix));
    }

    static ThreadFactory factory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> LOG.error("uncaught in {}", thread.getName(), e));
            return t;
        };
    }
}
