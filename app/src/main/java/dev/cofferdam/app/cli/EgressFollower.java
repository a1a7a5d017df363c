package dev.cofferdam.app.cli;

import dev.cofferdam.vm.egress.EgressLogException;
import dev.cofferdam.vm.egress.EgressQuery;
import dev.cofferdam.vm.egress.EgressRecord;
import dev.cofferdam.vm.egress.SqliteEgressLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Polls the egress log for one sandbox's records newer than the last one seen (every
 * {@value #POLL_MS} ms, so records written by another process, such as the workbench's proxy,
 * appear too; a record is printed once its exchange has ended, see {@link #settled}) until interrupted, the time limit passes, or the JVM shuts down (Ctrl-C). Runs on
 * the calling thread; not thread-safe.
 */
final class EgressFollower {
    static final long POLL_MS = 200;
    /** How long a record whose exchange is still running is held back before it is printed anyway. */
    static final Duration GRACE = Duration.ofSeconds(2);

    /** Prints a batch of new records and returns the last id printed. */
    interface Sink {
        long print(SqliteEgressLog log, List<EgressRecord> records, long afterId) throws EgressLogException;
    }

    private final SqliteEgressLog log;
    private final String sandbox;
    private final Sink sink;

    EgressFollower(SqliteEgressLog log, String sandbox, Sink sink) {
        this.log = log;
        this.sandbox = sandbox;
        this.sink = sink;
    }

    /**
     * @param afterId    the last id already printed
     * @param maxMillis  stop after this long; 0 for no limit
     */
    void run(long afterId, long maxMillis) throws EgressLogException {
        Thread follower = Thread.currentThread();
        Thread hook = new Thread(() -> stop(follower), "egress-follow-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            poll(afterId, maxMillis);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for this thread to end.
            }
        }
    }

    private void poll(long afterId, long maxMillis) throws EgressLogException {
        long deadline = maxMillis > 0 ? System.nanoTime() + maxMillis * 1_000_000 : Long.MAX_VALUE;
        long last = afterId;
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
            List<EgressRecord> batch = log.query(new EgressQuery(sandbox, null, null, last, 1000));
            List<EgressRecord> ready = settled(batch, Instant.now());
            last = sink.print(log, ready, last);
            if (ready.size() < 1000) {
                try {
                    Thread.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * The leading records whose exchange has ended (or that have waited {@link #GRACE} for it), so
     * that bytes and duration are printed filled in; order is kept, so a pending record holds back
     * later ones for at most the grace period.
     */
    static List<EgressRecord> settled(List<EgressRecord> batch, Instant now) {
        int n = 0;
        while (n < batch.size() && (ended(batch.get(n)) || batch.get(n).time().plus(GRACE).isBefore(now))) {
            n++;
        }
        return batch.subList(0, n);
    }

    private static boolean ended(EgressRecord r) {
        return r.status() != 0 || r.durationMs() != 0;
    }

    /** Interrupts the follower and gives it a moment to close the log before the JVM halts. */
    private static void stop(Thread follower) {
        follower.interrupt();
        try {
            follower.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
