package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.ToolCall;
import java.util.List;

/**
 * One row of the timeline tree: a tool call, a batch of parallel calls, or a sub-agent.
 *
 * @param label    what the row says when it is a group (null for a call)
 * @param call     the call, or null for a group
 * @param subagent true when the call belongs to a sub-agent (its seq is the sub-agent's own)
 * @param children rows under a group
 */
public record TimelineRow(String label, ToolCall call, boolean subagent, List<TimelineRow> children) {
    public TimelineRow {
        children = List.copyOf(children);
    }

    static TimelineRow of(ToolCall call, boolean subagent) {
        return new TimelineRow(null, call, subagent, List.of());
    }

    /** @return the main-session seq of this row's call, or 0 */
    public int seq() {
        return call == null || subagent ? 0 : call.seq();
    }
}
