package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.Step;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the timeline tree of a session: calls in order, the calls of one model response that ran
 * in parallel grouped under one row, each sub-agent's calls nested under a row of its own.
 * Stateless.
 */
final class Timeline {
    private Timeline() {
    }

    static List<TimelineRow> of(TraceSession s) {
        List<TimelineRow> rows = calls(s, false);
        for (TraceSession sub : s.subagents()) {
            rows.add(new TimelineRow("Sub-agent " + sub.id() + " · " + sub.calls().size() + " calls", null, true,
                    calls(sub, true)));
        }
        return rows;
    }

    private static List<TimelineRow> calls(TraceSession s, boolean subagent) {
        List<TimelineRow> rows = new ArrayList<>();
        Set<Integer> placed = new HashSet<>();
        for (Step step : s.steps()) {
            List<Integer> seqs = step.calls().stream().filter(q -> q >= 1 && q <= s.calls().size()).toList();
            if (seqs.size() > 1) {
                List<TimelineRow> kids = new ArrayList<>();
                seqs.forEach(q -> kids.add(TimelineRow.of(s.call(q), subagent)));
                rows.add(new TimelineRow("Step " + (step.index() + 1) + " · " + seqs.size() + " parallel calls", null,
                        subagent, kids));
            } else if (seqs.size() == 1) {
                rows.add(TimelineRow.of(s.call(seqs.get(0)), subagent));
            }
            placed.addAll(seqs);
        }
        for (ToolCall c : s.calls()) {
            if (!placed.contains(c.seq())) {
                rows.add(TimelineRow.of(c, subagent));
            }
        }
        rows.sort(java.util.Comparator.comparingInt(Timeline::firstSeq));
        return rows;
    }

    private static int firstSeq(TimelineRow r) {
        return r.call() != null ? r.call().seq() : r.children().isEmpty() ? Integer.MAX_VALUE : firstSeq(r.children().get(0));
    }
}
