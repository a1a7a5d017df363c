package dev.cofferdam.engine.map;

import dev.cofferdam.engine.AnalysisException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Index writes of in-process re-maps, done on one background daemon thread so the re-mapped result
 * returns before its copy is stored. Every run waits for the pending write of its database before
 * touching it, so the index stays consistent within the process; a write lost at exit only costs
 * re-parsing the changed files on the next cold open. Thread-safe.
 */
final class BackgroundWrites {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWrites.class);
    private static final Map<Path, Future<?>> PENDING = new ConcurrentHashMap<>();
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cofferdam-index-writer");
        t.setDaemon(true);
        return t;
    });

    private BackgroundWrites() {
    }

    /** A write that may fail; failures are logged, the index then lags behind until the next write. */
    @FunctionalInterface
    interface Write {
        void run() throws AnalysisException;
    }

    /** Blocks until the last write submitted for this database has finished. */
    static void await(Path database) throws AnalysisException {
        Future<?> pending = PENDING.get(database);
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisException("interrupted while waiting for the index to be written", e);
        } catch (ExecutionException e) {
            LOG.warn("writing the index {} failed: {}", database, e.getCause().toString());
        } finally {
            PENDING.remove(database, pending);
        }
    }

    /** Blocks until every write queued so far, of any database, has finished. */
    static void awaitAll() throws AnalysisException {
        for (Path database : PENDING.keySet()) {
            await(database);
        }
    }

    /** Queues a write; the caller has awaited the previous one of this database. */
    static void submit(Path database, Write write) {
        PENDING.put(database, WRITER.submit(() -> {
            try {
                write.run();
            } catch (AnalysisException | RuntimeException e) {
                LOG.warn("writing the index {} failed: {}", database, e.toString());
            }
        }));
    }
}
