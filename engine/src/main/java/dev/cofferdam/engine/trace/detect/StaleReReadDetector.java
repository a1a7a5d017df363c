package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.Compaction;
import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-reads of a file whose content is unchanged (same result) with no edit of it and no compaction
 * since the previous read: the agent already had it in context.
 * Stateless and thread-safe; O(calls).
 */
public final class StaleReReadDetector implements Detector {
    @Override
    public List<Finding> detect(TraceSession s, Thresholds t) {
        Map<String, String> lastHash = new HashMap<>();
        Map<String, List<Integer>> stale = new LinkedHashMap<>();
        int nextCompaction = 0;
        List<Compaction> compactions = s.compactions();
        for (ToolCall c : s.calls()) {
            while (nextCompaction < compactions.size() && compactions.get(nextCompaction).afterCall() < c.seq()) {
                lastHash.clear();
                nextCompaction++;
            }
            if (CallTraits.changesFiles(c)) {
                for (FileEffect e : c.effects()) {
                    lastHash.remove(e.path());
                }
            }
            if (!CallTraits.isRead(c) || !c.hasResult() || c.error() || c.targets().size() != 1) {
                continue;
            }
            String path = c.targets().get(0);
            if (c.resultHash().equals(lastHash.get(path))) {
                stale.computeIfAbsent(path, k -> new ArrayList<>()).add(c.seq());
            }
            lastHash.put(path, c.resultHash());
        }
        List<Finding> out = new ArrayList<>();
        stale.forEach((path, seqs) -> {
            if (seqs.size() >= t.staleReReads()) {
                out.add(new Finding("thrashing.stale-re-read", Severity.AMBER,
                        path + " re-read " + seqs.size() + " times with no change since the previous read",
                        seqs, Map.of("reReads", t.staleReReads())));
            }
        });
        return out;
    }
}
