package dev.cofferdam.engine.trace;

import java.util.List;

/**
 * One tool call of the agent, with its result once the transcript carries it. Immutable.
 *
 * @param seq        1-based position in the session, in transcript order
 * @param step       0-based index of the {@link Step} (model response) that issued it
 * @param turn       0-based index of the user prompt it answers (-1 before the first prompt)
 * @param time       ISO-8601 timestamp as written in the transcript, or null
 * @param id         the agent's call id (tool_use id, call_id)
 * @param tool       tool name as the agent wrote it ("Read", "exec_command", "apply_patch")
 * @param kind       classification used by the detectors
 * @param targets    files (or search patterns) the call is about, absolute when resolvable
 * @param summary    one short line: the path, command or query
 * @param argsHash   hash of the canonical JSON of all arguments
 * @param resultHash hash of the result text, null while no result was seen
 * @param error      the call failed (tool error, non-zero exit)
 * @param cascade    the call failed only because a sibling call of the same batch failed
 * @param resultSize characters of result text (0 while no result was seen)
 * @param excerpt    first characters of the result for failed and verify calls and short results, otherwise null
 * @param effects    file changes made by the call (edits, patches, shell mutations)
 */
public record ToolCall(
        int seq,
        int step,
        int turn,
        String time,
        String id,
        String tool,
        CallKind kind,
        List<String> targets,
        String summary,
        String argsHash,
        String resultHash,
        boolean error,
        boolean cascade,
        int resultSize,
        String excerpt,
        List<FileEffect> effects) {

    public ToolCall {
        targets = List.copyOf(targets);
        effects = List.copyOf(effects);
    }

    /** @return true once the transcript carried a result for this call */
    public boolean hasResult() {
        return resultHash != null;
    }

    /** @return a failure that is not merely a sibling's cascade */
    public boolean realError() {
        return error && !cascade;
    }
}
