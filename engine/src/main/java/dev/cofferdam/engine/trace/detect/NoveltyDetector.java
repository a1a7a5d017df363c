package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.Step;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Exploration that stopped finding anything new: over the last N explore-only steps, distinct
 * targets / calls below the minimum. Overlapping low windows are merged into one finding.
 * Stateless and thread-safe; O(calls).
 */
public final class NoveltyDetector implements Detector {
    @Override
    public List<Finding> detect(TraceSession s, Thresholds t) {
        List<Step> explore = new ArrayList<>();
        for (Step st : s.steps()) {
            if (!st.calls().isEmpty() && st.calls().stream().allMatch(q -> s.call(q).kind() == CallKind.EXPLORE)) {
                explore.add(st);
            }
        }
        List<Finding> out = new ArrayList<>();
        TreeSet<Integer> flagged = new TreeSet<>();
        double worst = 1;
        for (int end = t.noveltyWindow(); end <= explore.size(); end++) {
            List<Step> window = explore.subList(end - t.noveltyWindow(), end);
            Set<String> distinct = new HashSet<>();
            List<Integer> seqs = new ArrayList<>();
            for (Step st : window) {
                for (int q : st.calls()) {
                    ToolCall c = s.call(q);
                    distinct.add(c.targets().isEmpty() ? c.tool() + c.argsHash() : String.join("\u0000", c.targets()));
                    seqs.add(q);
                }
            }
            double novelty = (double) distinct.size() / seqs.size();
            boolean overlaps = !flagged.isEmpty() && seqs.get(0) <= flagged.last();
            if (!flagged.isEmpty() && !overlaps) {
                out.add(finding(flagged, worst, t));
                flagged.clear();
                worst = 1;
            }
            if (novelty < t.noveltyMin()) {
                flagged.addAll(seqs);
                worst = Math.min(worst, novelty);
            }
        }
        if (!flagged.isEmpty()) {
            out.add(finding(flagged, worst, t));
        }
        return out;
    }

    private static Finding finding(Set<Integer> seqs, double novelty, Thresholds t) {
        return new Finding("thrashing.low-novelty", Severity.AMBER,
                String.format(java.util.Locale.ROOT,
                        "exploration is going in circles: novelty %.2f over %d explore-only steps", novelty,
                        t.noveltyWindow()),
                new ArrayList<>(seqs), Map.of("window", t.noveltyWindow(), "min", t.noveltyMin()));
    }
}
