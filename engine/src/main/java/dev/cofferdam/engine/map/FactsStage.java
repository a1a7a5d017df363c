package dev.cofferdam.engine.map;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.index.CachedFile;
import dev.cofferdam.engine.lang.FileAnalysis;
import dev.cofferdam.engine.lang.FileFacts;
import dev.cofferdam.engine.scan.ScannedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Brings the facts of every scanned file up to date: reuses cached facts when size and mtime match
 * (or, after a touch, when the content hash matches), and extracts the others in parallel on the
 * given pool. Thread-safe per call.
 */
final class FactsStage {
    /** The outcome: facts of every scanned file and the entries to store. */
    record Outcome(Map<String, CachedFile> all, Map<String, CachedFile> changed, int parsed) {
    }

    private static final int INLINE_LIMIT = 2;
    private final FileAnalysis analysis;
    private final ExecutorService pool;

    FactsStage(FileAnalysis analysis, ExecutorService pool) {
        this.analysis = analysis;
        this.pool = pool;
    }

    Outcome run(List<ScannedFile> files, Map<String, CachedFile> cached, long scanStart, ProgressListener progress)
            throws AnalysisException {
        Map<String, CachedFile> all = new ConcurrentHashMap<>(files.size() * 2);
        Map<String, CachedFile> changed = new ConcurrentHashMap<>();
        List<ScannedFile> toRead = new ArrayList<>();
        for (ScannedFile file : files) {
            CachedFile hit = cached.get(file.path());
            if (FileStates.unchanged(hit, file, scanStart)) {
                all.put(file.path(), hit);
            } else {
                toRead.add(file);
            }
        }
        toRead.sort(Comparator.comparingLong(ScannedFile::size).reversed());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger parsed = new AtomicInteger();
        int total = toRead.size();
        progress.progress("parsing", 0, total);
        if (total <= INLINE_LIMIT) {
            // an edit touches a file or two: handing them to the pool only adds scheduling latency
            for (ScannedFile file : toRead) {
                CachedFile result = load(file, cached.get(file.path()), parsed);
                all.put(file.path(), result);
                changed.put(file.path(), result);
                progress.progress("parsing", done.incrementAndGet(), total);
            }
            return new Outcome(all, changed, parsed.get());
        }
        List<Future<?>> futures = new ArrayList<>(total);
        for (ScannedFile file : toRead) {
            futures.add(pool.submit(() -> {
                CachedFile result = load(file, cached.get(file.path()), parsed);
                all.put(file.path(), result);
                changed.put(file.path(), result);
                progress.progress("parsing", done.incrementAndGet(), total);
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new AnalysisException("mapping was interrupted", e);
            } catch (ExecutionException e) {
                throw new AnalysisException("mapping failed on a file: " + e.getCause(), e.getCause());
            }
        }
        return new Outcome(all, changed, parsed.get());
    }

    private CachedFile load(ScannedFile file, CachedFile previous, AtomicInteger parsed) {
        if (file.size() > FileAnalysis.MAX_PARSED_SIZE) {
            byte[] head = new byte[8192];
            int n = 0;
            try (InputStream in = Files.newInputStream(file.file())) {
                n = Math.max(0, in.readNBytes(head, 0, head.length));
            } catch (IOException e) {
                return new CachedFile(file.size(), file.mtime(), new byte[0], analysis.unreadable(file.path(), reason(e)));
            }
            return new CachedFile(file.size(), file.mtime(), new byte[0],
                    analysis.oversized(file.path(), Arrays.copyOf(head, n)));
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file.file());
        } catch (IOException | SecurityException e) {
            return new CachedFile(file.size(), file.mtime(), new byte[0], analysis.unreadable(file.path(), reason(e)));
        }
        byte[] hash = FileStates.contentHash(content);
        if (previous != null && Arrays.equals(previous.hash(), hash) && previous.facts().path().equals(file.path())) {
            return new CachedFile(file.size(), file.mtime(), hash, previous.facts());
        }
        parsed.incrementAndGet();
        FileFacts facts = analysis.analyze(file.path(), content);
        return new CachedFile(file.size(), file.mtime(), hash, facts);
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
