package dev.cofferdam.engine.trace.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.TraceException;
import dev.cofferdam.engine.trace.TraceSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole transcript file into a {@link TraceSession}: Claude Code (with its
 * {@code <session>/subagents/*.jsonl}), Codex rollouts, Gemini CLI sessions (JSON or JSONL).
 * Stateless, thread-safe.
 */
public final class TranscriptReader {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptReader.class);
    private static final int CHUNK = 1 << 16;

    private TranscriptReader() {
    }

    /**
     * @param file     the transcript
     * @param progress receives "reading" progress in bytes
     * @return what could be read, with skipped lines counted by reason
     * @throws TraceException when the file is missing or unreadable (never for its content)
     */
    public static TraceSession read(Path file, ProgressListener progress) throws TraceException {
        if (!Files.isRegularFile(file)) {
            throw new TraceException("not a transcript file: " + file);
        }
        if (file.getFileName().toString().endsWith(".json")) {
            TraceSession doc = readDocument(file);
            if (doc != null) {
                return doc;
            }
        }
        TranscriptParser parser = new TranscriptParser(file.toAbsolutePath().toString());
        feedFile(file, parser, progress);
        List<TraceSession> subs = new ArrayList<>();
        for (Path sub : subagentFiles(file)) {
            TranscriptParser sp = new TranscriptParser(sub.toAbsolutePath().toString());
            feedFile(sub, sp, ProgressListener.NONE);
            subs.add(sp.snapshot());
        }
        return parser.snapshot().withSubagents(subs);
    }

    static void feedFile(Path file, TranscriptParser parser, ProgressListener progress) throws TraceException {
        try (InputStream in = Files.newInputStream(file)) {
            long total = Files.size(file);
            byte[] buf = new byte[CHUNK];
            long done = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                parser.feed(buf, 0, n);
                done += n;
                progress.progress("reading", done, total);
            }
            parser.finish();
        } catch (IOException e) {
            throw new TraceException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A Gemini JSON document, or null when the file is not one JSON object (then read as JSONL). */
    private static TraceSession readDocument(Path file) throws TraceException {
        JsonNode doc;
        try {
            doc = TranscriptParser.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            LOG.debug("{} is not one JSON document, reading it as JSONL: {}", file, e.getMessage());
            return null;
        }
        if (doc == null || !doc.isObject()) {
            return null;
        }
        SessionBuilder b = new SessionBuilder(file.toAbsolutePath().toString());
        new GeminiParser().accept(doc, 1, b);
        return b.snapshot();
    }

    /**
     * @return the sub-agent transcripts of a Claude Code session, sorted: Claude Code keeps them in
     *         {@code <dir>/<session-id>/subagents/*.jsonl}
     */
    public static List<Path> subagentFiles(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".jsonl")) {
            return List.of();
        }
        Path dir = file.resolveSibling(name.substring(0, name.length() - 6)).resolve("subagents");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList());
        } catch (IOException e) {
            LOG.warn("cannot list sub-agents in {}", dir, e);
            return List.of();
        }
    }
}
