package dev.cofferdam.engine.map;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.index.IndexLocation;
import dev.cofferdam.engine.lang.LanguageAnalyzer;
import dev.cofferdam.engine.lang.java.JavaAnalyzer;
import dev.cofferdam.engine.owners.Ownership;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The map service backed by the persisted index under the user's cache directory (see
 * {@link IndexLocation}). Parses on a fixed pool of one daemon thread per processor, one parser
 * per thread. Thread-safe: runs for the same repository are serialized, different repositories
 * map in parallel.
 */
public final class IndexedMapService implements MapService {
    private final Path cacheDir;
    private final List<LanguageAnalyzer> analyzers = List.of(new JavaAnalyzer());
    private final Map<Path, MapPipeline.Memo> memos = new ConcurrentHashMap<>();
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();
    private volatile ExecutorService pool;

    /** Uses the default cache directory (system property {@code cofferdam.cache.dir}, XDG, ~/.cache). */
    public IndexedMapService() {
        this(IndexLocation.defaultCacheDir());
    }

    /** @param cacheDir folder for the indexes (created when needed) */
    public IndexedMapService(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    @Override
    public RepoMap map(Path root, ProgressListener progress) throws AnalysisException {
        return mapWithStats(root, progress).map();
    }

    /**
     * Like {@link #map} and also tells what the run did (files parsed, whether the stored map was
     * reused).
     *
     * @throws AnalysisException when the path is missing, not a directory, or unreadable, or the
     *                           index cannot be written
     */
    public MapResult mapWithStats(Path root, ProgressListener progress) throws AnalysisException {
        Path real = validate(root);
        AtomicReference<MapStats> stats = new AtomicReference<>();
        RepoMap map;
        synchronized (locks.computeIfAbsent(real, k -> new Object())) {
            MapPipeline.Memo memo = new MapPipeline(cacheDir, analyzers, pool()).run(real, memos.get(real), progress,
                    stats::set);
            memos.put(real, memo);
            map = memo.map();
        }
        return new MapResult(Ownership.withOwners(map, real, progress), stats.get());
    }

    private static Path validate(Path root) throws AnalysisException {
        if (root == null) {
            throw new AnalysisException("no folder given");
        }
        if (!Files.exists(root)) {
            throw new AnalysisException("no such folder: " + root);
        }
        if (!Files.isDirectory(root)) {
            throw new AnalysisException("not a folder: " + root);
        }
        if (!Files.isReadable(root) || !Files.isExecutable(root)) {
            throw new AnalysisException("cannot read folder: " + root);
        }
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new AnalysisException("cannot resolve folder " + root + ": " + e.getMessage(), e);
        }
    }

    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    AtomicInteger n = new AtomicInteger();
                    pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
                        Thread t = new Thread(r, "cofferdam-map-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                }
                p = pool;
            }
        }
        return p;
    }

    /**
     * Waits until the index copies that in-process re-maps write in the background have been
     * written, e.g. before the cache directory is removed or the process exits.
     *
     * @throws AnalysisException when interrupted while waiting
     */
    public void flush() throws AnalysisException {
        BackgroundWrites.awaitAll();
    }
}
