package dev.cofferdam.engine.trace.report;

import dev.cofferdam.engine.trace.ApiCall;
import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.detect.ContextLimit;
import dev.cofferdam.engine.trace.detect.MapNeighbourhood;
import dev.cofferdam.engine.trace.detect.Seeds;
import dev.cofferdam.engine.trace.detect.Thresholds;
import dev.cofferdam.engine.trace.detect.TraceDetectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds a {@link TraceReport} from a session. Stateless, thread-safe; O(calls + map edges). */
public final class TraceReporter {
    private TraceReporter() {
    }

    /**
     * @param s     the session
     * @param t     thresholds
     * @param map   the repository's neighbourhood, or null
     * @param hosts hosts contacted (from an egress log), or null when none was given
     */
    public static TraceReport report(TraceSession s, Thresholds t, MapNeighbourhood map,
                                     List<HostContact> hosts) {
        List<String> seeds = null;
        Set<String> hood = null;
        if (map != null) {
            seeds = new ArrayList<>(Seeds.of(s, map).files());
            seeds.sort(null);
            hood = seeds.isEmpty() ? null : map.around(seeds, t.hops());
        }
        List<ContextPoint> curve = new ArrayList<>();
        for (ApiCall a : s.apiCalls()) {
            curve.add(new ContextPoint(a.index(), a.afterCall(), a.contextTokens()));
        }
        return new TraceReport(TraceReport.SCHEMA, SessionSummary.of(s), new TraceDetectors(map).detect(s, t),
                files(s, map, hood), ContextLimit.of(s, t), curve, t, seeds, hosts);
    }

    private static List<FileTouch> files(TraceSession s, MapNeighbourhood map, Set<String> hood) {
        Map<String, List<Integer>> reads = new LinkedHashMap<>();
        Map<String, List<Integer>> changes = new LinkedHashMap<>();
        Map<String, Set<String>> ops = new LinkedHashMap<>();
        Set<String> order = new LinkedHashSet<>();
        for (ToolCall c : s.calls()) {
            if (c.kind() == CallKind.EXPLORE) {
                for (String p : c.targets()) {
                    if (p.startsWith("/") && !p.contains(" in ")) {
                        order.add(p);
                        reads.computeIfAbsent(p, k -> new ArrayList<>()).add(c.seq());
                    }
                }
            }
            if (c.error()) {
                continue;
            }
            for (FileEffect e : c.effects()) {
                order.add(e.path());
                List<Integer> seqs = changes.computeIfAbsent(e.path(), k -> new ArrayList<>());
                if (seqs.isEmpty() || seqs.get(seqs.size() - 1) != c.seq()) {
                    seqs.add(c.seq());
                }
                ops.computeIfAbsent(e.path(), k -> new LinkedHashSet<>()).add(e.op().label());
            }
        }
        List<FileTouch> out = new ArrayList<>();
        for (String p : order) {
            Boolean inside = null;
            if (map != null && hood != null) {
                String rel = map.relativize(p, s.cwd());
                inside = rel != null && hood.contains(rel);
            }
            out.add(new FileTouch(p, reads.getOrDefault(p, List.of()), changes.getOrDefault(p, List.of()),
                    new ArrayList<>(ops.getOrDefault(p, Set.of())), inside));
        }
        return out;
    }
}
