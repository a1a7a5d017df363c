package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.Step;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Consecutive steps that each failed. Counted in steps, so a batch whose siblings all report
 * "Sibling tool call errored" is one failure, not many.
 * Stateless and thread-safe; O(calls).
 */
public final class ErrorLoopDetector implements Detector {
    @Override
    public List<Finding> detect(TraceSession s, Thresholds t) {
        List<Finding> out = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        int steps = 0;
        for (Step st : s.steps()) {
            List<ToolCall> calls = st.calls().stream().map(s::call).toList();
            if (calls.stream().noneMatch(ToolCall::hasResult)) {
                continue;
            }
            boolean failed = calls.stream().anyMatch(ToolCall::error);
            if (failed) {
                steps++;
                calls.stream().filter(ToolCall::realError).forEach(c -> run.add(c.seq()));
                if (calls.stream().noneMatch(ToolCall::realError)) {
                    run.add(calls.get(0).seq());
                }
            } else {
                flush(out, run, steps, t);
                run.clear();
                steps = 0;
            }
        }
        flush(out, run, steps, t);
        return out;
    }

    private static void flush(List<Finding> out, List<Integer> seqs, int steps, Thresholds t) {
        if (steps >= t.errorLoopWarn()) {
            Severity sev = steps >= t.errorLoopCritical() ? Severity.RED : Severity.AMBER;
            out.add(new Finding("thrashing.error-loop", sev, steps + " steps in a row failed", seqs,
                    Map.of("warn", t.errorLoopWarn(), "critical", t.errorLoopCritical())));
        }
    }
}
