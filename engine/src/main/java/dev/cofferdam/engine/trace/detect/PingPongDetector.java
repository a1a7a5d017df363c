package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls alternating between two (tool, args) pairs: A B A B A B.
 * Stateless and thread-safe; O(calls).
 */
public final class PingPongDetector implements Detector {
    @Override
    public List<Finding> detect(TraceSession s, Thresholds t) {
        List<Finding> out = new ArrayList<>();
        List<ToolCall> calls = s.calls();
        int start = 0;
        for (int i = 2; i <= calls.size(); i++) {
            boolean continues = i < calls.size() && same(calls.get(i), calls.get(i - 2))
                    && !same(calls.get(i), calls.get(i - 1));
            if (!continues) {
                int len = i - start;
                if (len >= t.pingPongCalls()) {
                    List<Integer> seqs = calls.subList(start, i).stream().map(ToolCall::seq).toList();
                    out.add(new Finding("thrashing.ping-pong", Severity.AMBER,
                            len + " calls alternating between " + calls.get(start).summary() + " and "
                                    + calls.get(start + 1).summary(),
                            seqs, Map.of("calls", t.pingPongCalls())));
                }
                start = i - 1;
            }
        }
        return out;
    }

    private static boolean same(ToolCall a, ToolCall b) {
        return a.tool().equals(b.tool()) && a.argsHash().equals(b.argsHash());
    }
}
