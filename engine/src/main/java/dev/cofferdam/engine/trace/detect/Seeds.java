package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files a task is about, from the session: named in the prompts (full path or a unique-enough
 * file name), read before the first edit, or named in failing build/test output.
 *
 * @param files repository-relative paths
 */
public record Seeds(Set<String> files) {
    public Seeds {
        files = Set.copyOf(files);
    }

    /** @return the seeds of a session against a map */
    public static Seeds of(TraceSession s, MapNeighbourhood map) {
        Map<String, List<String>> byName = new HashMap<>();
        for (String f : map.files()) {
            byName.computeIfAbsent(f.substring(f.lastIndexOf('/') + 1), k -> new java.util.ArrayList<>()).add(f);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String prompt : s.prompts()) {
            mentioned(prompt, map, byName, out);
        }
        boolean edited = false;
        for (ToolCall c : s.calls()) {
            if (CallTraits.changesFiles(c)) {
                edited = true;
            }
            if (!edited && c.kind() == CallKind.EXPLORE) {
                for (String target : c.targets()) {
                    String rel = map.relativize(target, s.cwd());
                    if (rel != null && map.contains(rel)) {
                        out.add(rel);
                    }
                }
            }
            if (c.error() && c.kind() == CallKind.VERIFY && c.excerpt() != null) {
                mentioned(c.excerpt(), map, byName, out);
            }
        }
        return new Seeds(out);
    }

    private static void mentioned(String text, MapNeighbourhood map, Map<String, List<String>> byName,
                                  Set<String> out) {
        for (String word : text.split("[\\s`'\"(),:;\\[\\]<>]+")) {
            String w = word.replaceAll("^\\./", "").replaceAll("[.]+$", "");
            if (w.isEmpty()) {
                continue;
            }
            if (map.contains(w)) {
                out.add(w);
                continue;
            }
            String name = w.substring(w.lastIndexOf('/') + 1);
            List<String> hits = byName.get(name);
            if (hits != null && name.contains(".")) {
                hits.stream().filter(h -> h.endsWith(w)).forEach(out::add);
            }
        }
    }
}
