package dev.cofferdam.engine.trace.live;

import dev.cofferdam.engine.trace.SessionLocator;
import dev.cofferdam.engine.trace.SessionRef;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the agents' directories for new or growing sessions by polling (a directory walk of a
 * few hundred files every interval). Polling rather than a WatchService: the session trees are
 * nested (Codex YYYY/MM/DD, Claude per project) and inotify watches are per directory, so each
 * new directory would need registering, racing with the file created in it; and the JDK's
 * WatchService polls anyway on macOS. {@link #scan()} is synchronized; {@link #start()} runs it on a
 * daemon thread.
 */
public final class SessionWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionWatcher.class);

    private final SessionLocator locator;
    private final Consumer<SessionRef> onNewOrGrown;
    private final Map<String, Long> sizes = new HashMap<>();
    private ScheduledExecutorService executor;

    /**
     * @param locator      finds the transcripts
     * @param onNewOrGrown called (on the watcher thread) for each session that appeared or grew
     */
    public SessionWatcher(SessionLocator locator, Consumer<SessionRef> onNewOrGrown) {
        this.locator = locator;
        this.onNewOrGrown = onNewOrGrown;
    }

    /** Scans once and reports sessions that are new or grew since the previous scan. */
    public synchronized void scan() {
        for (SessionRef ref : locator.find()) {
            Long before = sizes.put(ref.path(), ref.size());
            if (before == null || before != ref.size()) {
                onNewOrGrown.accept(ref);
            }
        }
    }

    /** Starts scanning every interval on a daemon thread. */
    public synchronized void start(Duration interval) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cofferdam-session-watcher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                scan();
            } catch (RuntimeException e) {
                LOG.warn("session scan failed; will retry", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
