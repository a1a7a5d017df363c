package dev.cofferdam.engine.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The normalized model of one agent session: steps, tool calls, API calls, compactions and file
 * changes, plus what could not be read. Immutable; the same transcript always yields an equal
 * instance, whether parsed at once or line by line.
 *
 * @param id           the agent's session id, or the file name when none is recorded
 * @param agent        which agent wrote it
 * @param source       the transcript file
 * @param cwd          the working directory of the session, or null
 * @param model        the last model named in the transcript, or null
 * @param version      the agent's version, or null
 * @param prompts      user prompts in order (turn i answers prompts[i])
 * @param steps        model responses that issued tool calls
 * @param calls        tool calls, seq = index + 1
 * @param apiCalls     model requests with usage, each counted once
 * @param compactions  context compactions recorded
 * @param subagents    sessions of sub-agents (Claude Code {@code subagents/}, sidechains)
 * @param recordTypes  number of records per type, known or not
 * @param skipped      lines that could not be used, by reason
 * @param unknown      records of unknown types, kept verbatim
 */
public record TraceSession(
        String id,
        AgentKind agent,
        String source,
        String cwd,
        String model,
        String version,
        List<String> prompts,
        List<Step> steps,
        List<ToolCall> calls,
        List<ApiCall> apiCalls,
        List<Compaction> compactions,
        List<TraceSession> subagents,
        Map<String, Integer> recordTypes,
        Map<String, Integer> skipped,
        List<RawRecord> unknown) {

    public TraceSession {
        prompts = List.copyOf(prompts);
        steps = List.copyOf(steps);
        calls = List.copyOf(calls);
        apiCalls = List.copyOf(apiCalls);
        compactions = List.copyOf(compactions);
        subagents = List.copyOf(subagents);
        recordTypes = Collections.unmodifiableMap(new TreeMap<>(recordTypes));
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
        unknown = List.copyOf(unknown);
    }

    /** @return this session with these sub-agent sessions added after its own */
    public TraceSession withSubagents(List<TraceSession> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        List<TraceSession> all = new ArrayList<>(subagents);
        all.addAll(extra);
        return new TraceSession(id, agent, source, cwd, model, version, prompts, steps, calls, apiCalls, compactions,
                all, recordTypes, skipped, unknown);
    }

    /** @return the earliest timestamp of a step or call (ISO-8601 as written), or null */
    public String firstTime() {
        return times().min(String::compareTo).orElse(null);
    }

    /** @return the latest timestamp of a step or call (ISO-8601 as written), or null */
    public String lastTime() {
        return times().max(String::compareTo).orElse(null);
    }

    private java.util.stream.Stream<String> times() {
        return java.util.stream.Stream.concat(steps.stream().map(Step::time), calls.stream().map(ToolCall::time))
                .filter(java.util.Objects::nonNull);
    }

    /** @return every file change of the session in call order */
    public List<FileChange> fileChanges() {
        List<FileChange> out = new ArrayList<>();
        for (ToolCall c : calls) {
            if (c.error()) {
                continue;
            }
            for (FileEffect e : c.effects()) {
                out.add(new FileChange(e.path(), e.op(), c.seq(), c.turn(), e.diff()));
            }
        }
        return out;
    }

    /** @return distinct paths changed in the session, in order of first change */
    public Set<String> filesChanged() {
        Set<String> out = new LinkedHashSet<>();
        fileChanges().forEach(f -> out.add(f.path()));
        return out;
    }

    /** @return distinct paths changed while answering the given prompt */
    public Set<String> filesChangedInTurn(int turn) {
        Set<String> out = new LinkedHashSet<>();
        fileChanges().stream().filter(f -> f.turn() == turn).forEach(f -> out.add(f.path()));
        return out;
    }

    /** @return the tool call with that seq */
    public ToolCall call(int seq) {
        return calls.get(seq - 1);
    }

    /** @return failures, counting a batch whose siblings cascaded as one */
    public int failures() {
        return (int) calls.stream().filter(ToolCall::realError).count();
    }

    /** @return total lines skipped for any reason */
    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
