package dev.cofferdam.engine.trace;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.ingest.TranscriptReader;
import dev.cofferdam.engine.trace.store.TraceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens transcripts through the store: a file unchanged since it was stored (same size and mtime,
 * its sub-agent files included) is loaded without parsing; otherwise it is parsed and stored. Thread-safe when the store is.
 */
public final class TraceService {
    private final TraceStore store;

    /** @param store where parsed sessions are kept, or null to always parse */
    public TraceService(TraceStore store) {
        this.store = store;
    }

    /**
     * @param file     a transcript
     * @param progress parsing progress
     * @return the session, from the store when still valid
     * @throws TraceException when the file cannot be read or the store fails
     */
    public TraceSession open(Path file, ProgressListener progress) throws TraceException {
        Path abs = file.toAbsolutePath().normalize();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(abs, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new TraceException("not a transcript file: " + file);
        }
        if (!a.isRegularFile()) {
            throw new TraceException("not a transcript file: " + file);
        }
        long mtime = a.lastModifiedTime().toMillis();
        long size = a.size();
        for (Path sub : TranscriptReader.subagentFiles(abs)) {
            try {
                BasicFileAttributes sa = Files.readAttributes(sub, BasicFileAttributes.class);
                size += sa.size();
                mtime = Math.max(mtime, sa.lastModifiedTime().toMillis());
            } catch (IOException e) {
                size = -1;
            }
        }
        if (store != null) {
            var stored = store.load(abs.toString(), size, mtime);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        TraceSession s = TranscriptReader.read(abs, progress);
        if (store != null) {
            store.save(abs.toString(), size, mtime, s);
        }
        return s;
    }
}
