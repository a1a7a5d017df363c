package dev.cofferdam.engine.trace.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofferdam.engine.trace.AgentKind;
import dev.cofferdam.engine.trace.ApiCall;
import dev.cofferdam.engine.trace.Compaction;
import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.RawRecord;
import dev.cofferdam.engine.trace.Step;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Accumulates the records of one transcript, in order, into a {@link TraceSession}. Format parsers
 * call it; {@link #snapshot()} can be taken at any time. Not thread-safe.
 */
public final class SessionBuilder {
    private static final int RAW_MAX = 1 << 20;

    final String source;
    AgentKind agent = AgentKind.UNKNOWN;
    String id;
    String cwd;
    String model;
    String version;
    private final List<String> prompts = new ArrayList<>();
    private final List<String> stepKeys = new ArrayList<>();
    private final List<String> stepTimes = new ArrayList<>();
    private final List<List<Integer>> stepCalls = new ArrayList<>();
    private final Map<String, Integer> stepByKey = new HashMap<>();
    private final List<CallDraft> calls = new ArrayList<>();
    private final Map<String, CallDraft> byId = new HashMap<>();
    private final LinkedHashMap<String, ApiCall> api = new LinkedHashMap<>();
    private final List<Compaction> compactions = new ArrayList<>();
    private final Map<String, Integer> recordTypes = new TreeMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final List<RawRecord> unknown = new ArrayList<>();
    private final Map<String, SessionBuilder> sidechains = new LinkedHashMap<>();

    public SessionBuilder(String source) {
        this.source = source;
    }

    /** @return the step with that key, opened now when new */
    int step(String key, String time) {
        Integer idx = stepByKey.get(key);
        if (idx != null) {
            return idx;
        }
        stepKeys.add(key);
        stepTimes.add(time);
        stepCalls.add(new ArrayList<>());
        stepByKey.put(key, stepKeys.size() - 1);
        return stepKeys.size() - 1;
    }

    int stepCount() {
        return stepKeys.size();
    }

    CallDraft addCall(int step, String callId, String tool, JsonNode input, String time) {
        CallSpec spec = ToolClassifier.classify(tool, input, cwd);
        CallDraft d = new CallDraft(calls.size() + 1, step, prompts.size() - 1, time, callId, tool, spec,
                Json.hash(tool + "\u0000" + Json.canonical(input)));
        calls.add(d);
        stepCalls.get(step).add(d.seq);
        if (callId != null) {
            byId.put(callId, d);
        }
        return d;
    }

    /** Records a call's result; an unknown id counts as skipped ("orphan-result"). */
    CallDraft result(String callId, String text, boolean error) {
        CallDraft d = callId == null ? null : byId.get(callId);
        if (d == null) {
            skip("orphan-result");
            return null;
        }
        d.result(text, error);
        return d;
    }

    /** Replaces the effects of a call once its result says more (diff, created vs modified). */
    void effects(CallDraft d, UnaryOperator<List<FileEffect>> change) {
        d.effects = new ArrayList<>(change.apply(d.effects));
    }

    /** Inserts or updates the usage of one request; repeated keys are counted once. */
    void usage(String key, String time, long in, long cacheCreation, long cacheRead, long out, long context,
               long window) {
        ApiCall prev = api.get(key);
        int index = prev == null ? api.size() : prev.index();
        int after = prev == null ? calls.size() : prev.afterCall();
        String t = prev == null ? time : prev.time();
        api.put(key, new ApiCall(index, t, key, after, in, cacheCreation, cacheRead, out, context, window));
    }

    void compaction(String time, String trigger, long preTokens) {
        compactions.add(new Compaction(time, calls.size(), trigger, preTokens));
    }

    void prompt(String text) {
        prompts.add(text);
    }

    void countType(String type) {
        recordTypes.merge(type == null ? "(none)" : type, 1, Integer::sum);
    }

    /** Counts a line that could not be used, by reason. */
    public void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    void unknown(long line, String type, String json) {
        String kept = json.length() > RAW_MAX ? json.substring(0, RAW_MAX) : json;
        unknown.add(new RawRecord(line, type, kept));
    }

    SessionBuilder sidechain(String key) {
        return sidechains.computeIfAbsent(key, k -> {
            SessionBuilder b = new SessionBuilder(source);
            b.agent = agent;
            b.id = k;
            b.cwd = cwd;
            return b;
        });
    }

    /** @return the session as read so far */
    public TraceSession snapshot() {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < stepKeys.size(); i++) {
            steps.add(new Step(i, stepTimes.get(i), stepKeys.get(i), stepCalls.get(i)));
        }
        List<TraceSession> subs = new ArrayList<>();
        sidechains.values().forEach(b -> subs.add(b.snapshot()));
        String sid = id != null ? id : fileName(source);
        return new TraceSession(sid, agent, source, cwd, model, version, prompts, steps,
                calls.stream().map(CallDraft::freeze).toList(), new ArrayList<>(api.values()), compactions, subs,
                recordTypes, skipped, unknown);
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
