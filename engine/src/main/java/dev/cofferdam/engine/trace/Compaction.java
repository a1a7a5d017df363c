package dev.cofferdam.engine.trace;

/**
 * A context compaction the transcript records (Claude Code {@code compact_boundary}, Codex
 * {@code compacted}).
 *
 * @param time      timestamp, or null
 * @param afterCall seq of the last tool call before it (0 when none)
 * @param trigger   "auto", "manual" or null
 * @param preTokens context tokens just before it, 0 when unknown
 */
public record Compaction(String time, int afterCall, String trigger, long preTokens) {
}
