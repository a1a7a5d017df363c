package dev.cofferdam.engine.trace.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.cofferdam.engine.trace.AgentKind;
import dev.cofferdam.engine.trace.TraceSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Incremental parser of one JSONL transcript. Feed it bytes as they arrive: complete lines are
 * parsed at once, a trailing partial line waits for more (or for {@link #finish()}). Feeding a file
 * in any number of pieces gives the same session as feeding it whole. Lenient: lines that are not
 * JSON objects are counted by reason and skipped, unknown records are kept raw. Not thread-safe.
 */
public final class TranscriptParser {
    /** Longest line kept; longer ones are skipped ("line-too-long") without buffering them. */
    public static final int MAX_LINE = 64 << 20;
    static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Bound to JsonNode once: {@code readTree} would resolve the target type on every line. */
    static final ObjectReader TREE = MAPPER.readerFor(JsonNode.class);
    private static final int DETECT_MAX = 64;

    private final SessionBuilder builder;
    private final List<JsonNode> undetected = new ArrayList<>();
    private final List<Long> undetectedLines = new ArrayList<>();
    private RecordParser parser;
    private byte[] partial = new byte[8192];
    private int partialLen;
    private boolean overlong;
    private long line;
    private long bytes;

    /** @param source the transcript's path, recorded in the session */
    public TranscriptParser(String source) {
        this.builder = new SessionBuilder(source);
    }

    /** Parses every complete line in these bytes; keeps a trailing partial line for later. */
    public void feed(byte[] buf, int off, int len) {
        bytes += len;
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (buf[i] == '\n') {
                if (partialLen == 0 && !overlong) {
                    line(buf, start, i - start, true);
                } else {
                    append(buf, start, i - start);
                    line(partial, 0, partialLen, true);
                    partialLen = 0;
                }
                overlong = false;
                start = i + 1;
            }
        }
        append(buf, start, end - start);
    }

    /** Parses a trailing line that has no newline (a truncated last record is counted, not fatal). */
    public void finish() {
        if (partialLen > 0 || overlong) {
            line(partial, 0, partialLen, false);
            partialLen = 0;
            overlong = false;
        }
        flushUndetected();
    }

    /** @return the session as parsed so far (complete lines only, unless {@link #finish()} ran) */
    public TraceSession snapshot() {
        return builder.snapshot();
    }

    /** @return bytes fed so far */
    public long bytes() {
        return bytes;
    }

    private void append(byte[] buf, int off, int len) {
        if (len == 0 || overlong) {
            return;
        }
        if (partialLen + len > MAX_LINE) {
            overlong = true;
            partialLen = 0;
            partial = new byte[8192];
            return;
        }
        if (partialLen + len > partial.length) {
            byte[] grown = new byte[Math.max(partial.length * 2, partialLen + len)];
            System.arraycopy(partial, 0, grown, 0, partialLen);
            partial = grown;
        }
        System.arraycopy(buf, off, partial, partialLen, len);
        partialLen += len;
    }

    private void line(byte[] buf, int off, int len, boolean terminated) {
        line++;
        if (overlong) {
            builder.skip("line-too-long");
            return;
        }
        if (blank(buf, off, len)) {
            return;
        }
        JsonNode node;
        try {
            node = TREE.readValue(buf, off, len);
        } catch (IOException | RuntimeException e) {
            builder.skip(terminated ? "malformed-json" : "truncated-last-line");
            return;
        }
        if (node == null || !node.isObject()) {
            builder.skip("not-an-object");
            return;
        }
        record(node, line);
    }

    private void record(JsonNode node, long lineNo) {
        if (parser == null) {
            AgentKind kind = FormatDetector.detect(node);
            if (kind == AgentKind.UNKNOWN) {
                undetected.add(node);
                undetectedLines.add(lineNo);
                if (undetected.size() >= DETECT_MAX) {
                    flushUndetected();
                }
                return;
            }
            parser = parserFor(kind);
            builder.agent = kind;
            replayUndetected();
        }
        parser.accept(node, lineNo, builder);
    }

    private RecordParser parserFor(AgentKind kind) {
        switch (kind) {
            case CODEX:
                return new CodexParser();
            case GEMINI:
                return new GeminiParser();
            default:
                return new ClaudeCodeParser();
        }
    }

    private void replayUndetected() {
        for (int i = 0; i < undetected.size(); i++) {
            parser.accept(undetected.get(i), undetectedLines.get(i), builder);
        }
        undetected.clear();
        undetectedLines.clear();
    }

    private void flushUndetected() {
        for (int i = 0; i < undetected.size(); i++) {
            JsonNode n = undetected.get(i);
            builder.countType(Json.text(n, "type"));
            builder.unknown(undetectedLines.get(i), Json.text(n, "type"), n.toString());
        }
        undetected.clear();
        undetectedLines.clear();
    }

    private static boolean blank(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte c = buf[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
