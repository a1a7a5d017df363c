package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs of consecutive calls identical in tool, every argument and result. Edits of one file with
 * different arguments are not identical, so a productive run of edits is never flagged.
 * Stateless and thread-safe; O(calls).
 */
public final class IdenticalRunDetector implements Detector {
    @Override
    public List<Finding> detect(TraceSession s, Thresholds t) {
        List<Finding> out = new ArrayList<>();
        List<ToolCall> calls = s.calls();
        int i = 0;
        while (i < calls.size()) {
            String key = CallTraits.identity(calls.get(i));
            int j = i + 1;
            while (key != null && j < calls.size() && Objects.equals(key, CallTraits.identity(calls.get(j)))) {
                j++;
            }
            int run = j - i;
            if (key != null && run >= t.identicalWarn()) {
                ToolCall c = calls.get(i);
                Severity sev = run >= t.identicalCritical() ? Severity.RED : Severity.AMBER;
                List<Integer> seqs = calls.subList(i, j).stream().map(ToolCall::seq).toList();
                out.add(new Finding("thrashing.identical-run", sev,
                        run + " identical " + c.tool() + " calls in a row (same arguments, same result): "
                                + c.summary(),
                        seqs, Map.of("warn", t.identicalWarn(), "critical", t.identicalCritical())));
            }
            i = j;
        }
        return out;
    }
}
