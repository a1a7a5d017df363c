package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Edit/verify oscillation (edit, failing verify, edit, failing verify, ... until a verify passes)
 * and reverts (an edit that restores text an earlier edit of the same file replaced).
 * Stateless and thread-safe; O(calls).
 */
public final class OscillationDetector implements Detector {
    @Override
    public List<Finding> detect(TraceSession s, Thresholds t) {
        List<Finding> out = new ArrayList<>();
        oscillation(s, t, out);
        reverts(s, out);
        return out;
    }

    private static void oscillation(TraceSession s, Thresholds t, List<Finding> out) {
        List<Integer> seqs = new ArrayList<>();
        int cycles = 0;
        boolean edited = false;
        for (ToolCall c : s.calls()) {
            if (c.kind() == CallKind.EDIT || c.kind() == CallKind.MUTATE_SHELL) {
                edited |= CallTraits.changesFiles(c);
                seqs.add(c.seq());
            } else if (c.kind() == CallKind.VERIFY && c.hasResult()) {
                if (!c.error()) {
                    emit(out, seqs, cycles, t);
                    seqs.clear();
                    cycles = 0;
                } else if (edited) {
                    cycles++;
                    seqs.add(c.seq());
                }
                edited = false;
            }
        }
        emit(out, seqs, cycles, t);
    }

    private static void emit(List<Finding> out, List<Integer> seqs, int cycles, Thresholds t) {
        if (cycles >= t.oscillationCycles()) {
            out.add(new Finding("thrashing.edit-verify-oscillation", Severity.AMBER,
                    cycles + " rounds of edit then failing build/test without a pass", seqs,
                    Map.of("cycles", t.oscillationCycles())));
        }
    }

    private static void reverts(TraceSession s, List<Finding> out) {
        Map<String, List<Past>> history = new HashMap<>();
        for (ToolCall c : s.calls()) {
            if (!CallTraits.changesFiles(c)) {
                continue;
            }
            for (FileEffect e : c.effects()) {
                if (e.afterHash() == null) {
                    continue;
                }
                List<Past> past = history.computeIfAbsent(e.path(), k -> new ArrayList<>());
                for (Past p : past) {
                    FileEffect prev = p.effect();
                    boolean undo = e.beforeHash() != null && e.beforeHash().equals(prev.afterHash())
                            && e.afterHash().equals(prev.beforeHash());
                    boolean rewrite = e.beforeHash() == null && prev.beforeHash() == null && past.size() >= 2
                            && e.afterHash().equals(prev.afterHash()) && p != past.get(past.size() - 1);
                    if (undo || rewrite) {
                        out.add(new Finding("thrashing.revert", Severity.AMBER,
                                "call " + c.seq() + " reverts call " + p.seq() + " on " + e.path(),
                                List.of(p.seq(), c.seq()), Map.of()));
                        break;
                    }
                }
                past.add(new Past(c.seq(), e));
            }
        }
    }

    private record Past(int seq, FileEffect effect) {
    }
}
