package dev.cofferdam.engine.map;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.index.CachedFile;
import dev.cofferdam.engine.index.FactsCodec;
import dev.cofferdam.engine.index.IndexLocation;
import dev.cofferdam.engine.index.MapIndex;
import dev.cofferdam.engine.index.RepoMapCodec;
import dev.cofferdam.engine.index.SnapshotFile;
import dev.cofferdam.engine.lang.FileAnalysis;
import dev.cofferdam.engine.lang.FileFacts;
import dev.cofferdam.engine.lang.LanguageAnalyzer;
import dev.cofferdam.engine.scan.BuildLayoutReader;
import dev.cofferdam.engine.scan.RepoScanner;
import dev.cofferdam.engine.scan.ScanResult;
import dev.cofferdam.engine.scan.ScannedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One map run over the persisted index: scan, fingerprint (an unchanged file set returns the stored
 * map), bring facts up to date, link, write the index in one transaction (in the background when
 * re-mapping in the same process). Thread-safe as long as
 * runs for the same root do not overlap (the service serializes them).
 */
final class MapPipeline {
    /** Bump when linking or the map model changes, so stored maps are rebuilt. */
    static final int ENGINE_VERSION = 2;
    private static final Logger LOG = LoggerFactory.getLogger(MapPipeline.class);

    /** What a run leaves for the next run of the same root in this process. */
    record Memo(String fingerprint, RepoMap map, Map<String, CachedFile> files) {
    }

    private final Path cacheDir;
    private final List<LanguageAnalyzer> analyzers;
    private final FileAnalysis analysis;
    private final FactsCodec codec;
    private final ExecutorService pool;

    MapPipeline(Path cacheDir, List<LanguageAnalyzer> analyzers, ExecutorService pool) {
        this.cacheDir = cacheDir;
        this.analyzers = List.copyOf(analyzers);
        Map<String, LanguageAnalyzer> byLanguage = new HashMap<>();
        analyzers.forEach(a -> byLanguage.put(a.language(), a));
        this.analysis = new FileAnalysis(byLanguage);
        this.codec = new FactsCodec(analysis::analyzer);
        this.pool = pool;
    }

    Memo run(Path root, Memo previous, ProgressListener progress, MapStatsSink stats) throws AnalysisException {
        long start = System.nanoTime();
        long scanStart = System.currentTimeMillis();
        Path db = IndexLocation.databaseFor(cacheDir, root);
        BackgroundWrites.await(db);
        ScanResult scan = new RepoScanner().scan(root, progress);
        scan.problems().forEach(p -> LOG.info("{}: {}", root, p));
        List<ScannedFile> files = scan.files();
        String fingerprint = fingerprint(files, previous, scanStart);
        if (previous != null && previous.fingerprint().equals(fingerprint)) {
            stats.accept(new MapStats(previous.map().files().size(), 0, true, elapsed(start)));
            return previous;
        }
        if (previous != null && previous.files() != null) {
            return remap(root, db, files, previous, fingerprint, scanStart, progress, stats, start);
        }
        RepoMap copy = previous == null ? SnapshotFile.read(db, fingerprint) : null;
        if (copy != null) {
            stats.accept(new MapStats(copy.files().size(), 0, true, elapsed(start)));
            return new Memo(fingerprint, copy, null);
        }
        try (MapIndex index = MapIndex.open(db, root.toString())) {
            byte[] storedBlob = index.snapshot(fingerprint);
            RepoMap stored = decode(storedBlob);
            if (stored != null) {
                SnapshotFile.write(db, fingerprint, storedBlob);
                stats.accept(new MapStats(stored.files().size(), 0, true, elapsed(start)));
                return new Memo(fingerprint, stored, previous == null ? null : previous.files());
            }
            Map<String, CachedFile> cached = previous != null && previous.files() != null ? previous.files() : index.files(codec);
            long scanned = elapsed(start);
            FactsStage.Outcome facts = new FactsStage(analysis, pool).run(files, cached, scanStart, progress);
            long parsedAt = elapsed(start);
            Set<String> removed = removed(cached, files);
            RepoMap map = assemble(root, files, facts, previous, progress);
            long linkedAt = elapsed(start);
            progress.progress("writing index", 0, 1);
            byte[] blob = encode(map);
            index.write(facts.changed(), removed, fingerprint, blob, codec);
            SnapshotFile.write(db, fingerprint, blob);
            progress.progress("writing index", 1, 1);
            LOG.debug("mapped {}: scan+open {} ms, facts {} ms ({} parsed), link {} ms, write {} ms", root, scanned,
                    parsedAt - scanned, facts.parsed(), linkedAt - parsedAt, elapsed(start) - linkedAt);
            stats.accept(new MapStats(map.files().size(), facts.parsed(), false, elapsed(start)));
            return new Memo(fingerprint, map, Map.copyOf(facts.all()));
        }
    }

    /**
     * A re-map in the same process: facts come from the previous run's memo, and the index is
     * written in the background ({@link BackgroundWrites}) once the new map is known.
     */
    private Memo remap(Path root, Path db, List<ScannedFile> files, Memo previous, String fingerprint, long scanStart,
                       ProgressListener progress, MapStatsSink stats, long start) throws AnalysisException {
        FactsStage.Outcome facts = new FactsStage(analysis, pool).run(files, previous.files(), scanStart, progress);
        Set<String> removed = removed(previous.files(), files);
        RepoMap map = assemble(root, files, facts, previous, progress);
        String rootText = root.toString();
        BackgroundWrites.submit(db, () -> {
            byte[] blob = encode(map);
            try (MapIndex index = MapIndex.open(db, rootText)) {
                index.write(facts.changed(), removed, fingerprint, blob, codec);
            }
            SnapshotFile.write(db, fingerprint, blob);
        });
        stats.accept(new MapStats(map.files().size(), facts.parsed(), false, elapsed(start)));
        return new Memo(fingerprint, map, Map.copyOf(facts.all()));
    }

    private static Set<String> removed(Map<String, CachedFile> cached, List<ScannedFile> files) {
        Set<String> removed = new HashSet<>(cached.keySet());
        files.forEach(f -> removed.remove(f.path()));
        return removed;
    }

    private RepoMap assemble(Path root, List<ScannedFile> files, FactsStage.Outcome facts, Memo previous,
                             ProgressListener progress) {
        var layout = new BuildLayoutReader().read(root, files);
        String rootName = root.getFileName() == null ? "root" : root.getFileName().toString();
        return new MapAssembler(analyzers).assemble(root.toString(), rootName,
                facts.all().values().stream().map(CachedFile::facts).toList(), layout, progress,
                carryOver(previous, facts));
    }

    /**
     * @return what can be kept from the previous run in this process, or null to re-link everything
     *         (files added or removed, or a changed file declares something different)
     */
    private MapAssembler.CarryOver carryOver(Memo previous, FactsStage.Outcome facts) {
        if (previous == null || previous.files() == null || !previous.files().keySet().equals(facts.all().keySet())) {
            return null;
        }
        Set<String> relink = new HashSet<>();
        for (var entry : facts.changed().entrySet()) {
            FileFacts before = previous.files().get(entry.getKey()).facts();
            FileFacts after = entry.getValue().facts();
            if (before.binary() != after.binary() || !before.language().equals(after.language())) {
                return null;
            }
            LanguageAnalyzer analyzer = analysis.analyzer(after.language());
            if (analyzer == null) {
                continue;
            }
            if (before.details() == null || after.details() == null
                    || !analyzer.sameDeclarations(before.details(), after.details())) {
                return null;
            }
            relink.add(entry.getKey());
        }
        return new MapAssembler.CarryOver(previous.map(), relink);
    }

    /** Racy files (modified in the last seconds) contribute their content hash, not just size and mtime. */
    private String fingerprint(List<ScannedFile> files, Memo previous, long scanStart) {
        byte[][] hashes = new byte[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            ScannedFile f = files.get(i);
            if (f.mtime() >= scanStart - FileStates.RACY_MILLIS && f.size() <= FileAnalysis.MAX_PARSED_SIZE) {
                try {
                    hashes[i] = FileStates.contentHash(Files.readAllBytes(f.file()));
                } catch (IOException | SecurityException e) {
                    hashes[i] = new byte[0];
                }
            }
        }
        StringBuilder version = new StringBuilder("engine:").append(ENGINE_VERSION).append(";schema:")
                .append(MapIndex.SCHEMA_VERSION);
        analyzers.forEach(a -> version.append(';').append(a.language()).append(':').append(a.factsVersion()));
        return FileStates.fingerprint(version.toString(), files, hashes);
    }

    /** @return the decoded map, or null when there is none or it cannot be decoded (then it is rebuilt) */
    private static RepoMap decode(byte[] blob) {
        if (blob == null) {
            return null;
        }
        try {
            return RepoMapCodec.decode(blob);
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring an undecodable stored map: {}", e.toString());
            return null;
        }
    }

    private static byte[] encode(RepoMap map) throws AnalysisException {
        try {
            return RepoMapCodec.encode(map);
        } catch (IOException e) {
            throw new AnalysisException("cannot encode the map: " + e.getMessage(), e);
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Receives the statistics of a run. */
    @FunctionalInterface
    interface MapStatsSink {
        void accept(MapStats stats);
    }
}
