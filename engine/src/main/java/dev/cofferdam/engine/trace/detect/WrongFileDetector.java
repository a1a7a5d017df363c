package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.FileOp;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Edits outside the task's neighbourhood in the map. Seeds: files named in the prompts, files read
 * before the first edit, files named in failing build/test output. Neighbourhood: N hops around
 * them in the file graph, plus their tests. Each edited file is judged once (however many edits it
 * got); red when it was never read before its first edit, lies outside the workspace, or is
 * generated/vendored. Session edit precision (edited files inside / edited files) below the minimum
 * is flagged. Stateless after construction, thread-safe.
 */
public final class WrongFileDetector implements Detector {
    private final MapNeighbourhood map;

    public WrongFileDetector(MapNeighbourhood map) {
        this.map = map;
    }

    @Override
    public List<Finding> detect(TraceSession s, Thresholds t) {
        Seeds seeds = Seeds.of(s, map);
        if (seeds.files().isEmpty()) {
            return List.of();
        }
        Set<String> hood = map.around(seeds.files(), t.hops());
        Set<String> hoodDirs = new HashSet<>();
        hood.forEach(f -> hoodDirs.add(parent(f)));
        Map<String, Integer> firstEdit = new LinkedHashMap<>();
        Set<String> readBefore = new HashSet<>();
        Set<String> unreadAtEdit = new HashSet<>();
        for (ToolCall c : s.calls()) {
            if (c.kind() == CallKind.EXPLORE) {
                readBefore.addAll(c.targets());
            }
            if (!CallTraits.changesFiles(c)) {
                continue;
            }
            for (FileEffect e : c.effects()) {
                if (e.op() != FileOp.MOVE_FROM && e.op() != FileOp.DELETE || map.contains(String.valueOf(map.relativize(e.path(), s.cwd())))) {
                    if (!firstEdit.containsKey(e.path())) {
                        firstEdit.put(e.path(), c.seq());
                        if (!readBefore.contains(e.path())) {
                            unreadAtEdit.add(e.path());
                        }
                    }
                }
            }
        }
        Map<String, Number> used = Map.of("hops", t.hops(), "precisionMin", t.precisionMin(),
                "precisionMinEdits", t.precisionMinEdits());
        List<Finding> out = new ArrayList<>();
        int inside = 0;
        for (Map.Entry<String, Integer> e : firstEdit.entrySet()) {
            String path = e.getKey();
            String rel = map.relativize(path, s.cwd());
            boolean outsideWs = rel == null;
            boolean known = !outsideWs && map.contains(rel);
            boolean in = !outsideWs && (hood.contains(rel) || !known && hoodDirs.contains(parent(rel)));
            if (in && !map.generated(rel)) {
                inside++;
                continue;
            }
            boolean unread = unreadAtEdit.contains(path);
            String why = outsideWs ? "outside the workspace" : map.generated(rel) ? "generated or vendored"
                    : unread ? "outside the task's neighbourhood and never read before editing"
                    : "outside the task's neighbourhood";
            Severity sev = outsideWs || unread || map.generated(rel) ? Severity.RED : Severity.AMBER;
            out.add(new Finding("wrong-file.edit", sev, "edited " + (rel == null ? path : rel) + ": " + why,
                    List.of(e.getValue()), used));
        }
        int edited = firstEdit.size();
        double precision = edited == 0 ? 1 : (double) inside / edited;
        if (edited >= t.precisionMinEdits() && precision < t.precisionMin()) {
            out.add(new Finding("wrong-file.precision", Severity.AMBER,
                    String.format(java.util.Locale.ROOT, "edit precision %.2f: %d of %d edited files in the neighbourhood",
                            precision, inside, edited),
                    new ArrayList<>(firstEdit.values()), used));
        }
        return out;
    }

    private static String parent(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }
}
