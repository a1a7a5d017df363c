package dev.cofferdam.engine.trace.ingest;

import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** A tool call being assembled from its call record and, later, its result record. Not thread-safe. */
final class CallDraft {
    private static final int EXCERPT_MAX = 2000;
    private static final int SHORT = 200;

    final int seq;
    final int step;
    final int turn;
    final String time;
    final String id;
    final String tool;
    final CallKind kind;
    final List<String> targets;
    final String summary;
    final String argsHash;
    List<FileEffect> effects;
    String resultHash;
    boolean error;
    boolean cascade;
    int resultSize;
    String excerpt;

    CallDraft(int seq, int step, int turn, String time, String id, String tool, CallSpec spec, String argsHash) {
        this.seq = seq;
        this.step = step;
        this.turn = turn;
        this.time = time;
        this.id = id;
        this.tool = tool;
        this.kind = spec.kind();
        this.targets = spec.targets();
        this.summary = spec.summary();
        this.argsHash = argsHash;
        this.effects = new ArrayList<>(spec.effects());
    }

    void result(String text, boolean failed) {
        resultHash = Json.hash(text);
        resultSize = text.length();
        cascade = text.contains("Sibling tool call errored");
        error = failed || cascade || text.startsWith("<tool_use_error>");
        boolean keep = error || kind == CallKind.VERIFY || text.length() <= SHORT;
        excerpt = keep ? text.substring(0, Math.min(EXCERPT_MAX, text.length())) : null;
    }

    ToolCall freeze() {
        return new ToolCall(seq, step, turn, time, id, tool, kind, targets, summary, argsHash, resultHash, error,
                cascade, resultSize, excerpt, effects);
    }
}
