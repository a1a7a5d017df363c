package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Searches that keep coming back empty, and searches that are near-identical to recent ones (token
 * Jaccard similarity of the query at or above the threshold), within a window of recent calls.
 * A finding is emitted when a run reaches the threshold and extended while it continues.
 * Stateless and thread-safe; O(calls).
 */
public final class RepeatedSearchDetector implements Detector {
    @Override
    public List<Finding> detect(TraceSession s, Thresholds t) {
        List<ToolCall> searches = s.calls().stream().filter(CallTraits::isSearch).toList();
        List<Finding> out = new ArrayList<>();
        out.addAll(group(searches, t, true));
        out.addAll(group(searches, t, false));
        return out;
    }

    private static List<Finding> group(List<ToolCall> searches, Thresholds t, boolean empty) {
        List<Finding> out = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        ToolCall anchor = null;
        for (ToolCall c : searches) {
            boolean near = !current.isEmpty() && c.seq() - current.get(current.size() - 1) <= t.searchWindow();
            boolean member = empty ? CallTraits.emptyResult(c)
                    : anchor != null && similarity(tokens(anchor), tokens(c)) >= t.searchSimilarity();
            if (member && near) {
                current.add(c.seq());
                continue;
            }
            flush(out, current, t, empty, anchor);
            current = new ArrayList<>();
            anchor = null;
            if (!empty || member) {
                anchor = c;
                current.add(c.seq());
            }
        }
        flush(out, current, t, empty, anchor);
        return out;
    }

    private static void flush(List<Finding> out, List<Integer> seqs, Thresholds t, boolean empty, ToolCall anchor) {
        if (seqs.size() < t.searchRepeat()) {
            return;
        }
        String what = empty ? seqs.size() + " searches in a row found nothing"
                : seqs.size() + " near-identical searches: " + (anchor == null ? "" : anchor.summary());
        out.add(new Finding(empty ? "thrashing.empty-searches" : "thrashing.near-identical-searches", Severity.AMBER,
                what, seqs, Map.of("repeat", t.searchRepeat(), "window", t.searchWindow(),
                        "similarity", t.searchSimilarity())));
    }

    static Set<String> tokens(ToolCall c) {
        String q = c.summary() == null ? "" : c.summary().toLowerCase(Locale.ROOT);
        Set<String> out = new HashSet<>(Arrays.asList(q.split("[^a-z0-9_]+")));
        out.remove("");
        return out;
    }

    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) inter.size() / union.size();
    }
}
