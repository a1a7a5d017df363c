package dev.cofferdam.app.report;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code cofferdam map --format md}: the map as compact Markdown: totals, modules with their
 * dependencies and owners, the most depended-on files, cycles and files that did not parse.
 * Stateless and thread-safe.
 */
public final class MapMarkdown {
    static final int TOP_FILES = 15;

    private MapMarkdown() {
    }

    public static String render(RepoMap map) {
        StringBuilder sb = new StringBuilder();
        long loc = map.files().stream().mapToLong(SourceFile::loc).sum();
        long tests = map.files().stream().filter(SourceFile::test).count();
        sb.append("# Map of `").append(map.root()).append("`\n\n");
        sb.append(map.modules().size()).append(" modules, ").append(map.files().size()).append(" files (")
                .append(tests).append(" tests), ").append(loc).append(" lines, ").append(map.edges().size())
                .append(" edges, ").append(map.external().size()).append(" external references, ")
                .append(map.cycles().size()).append(" cycles.\n");
        Map<String, String> moduleOf = new HashMap<>();
        map.files().forEach(f -> moduleOf.put(f.path(), f.module()));
        Map<String, Set<String>> deps = new TreeMap<>();
        Map<String, Integer> inWeight = new HashMap<>();
        for (Edge e : map.edges()) {
            inWeight.merge(e.to(), e.weight(), Integer::sum);
            String a = moduleOf.get(e.from());
            String b = moduleOf.get(e.to());
            if (a != null && b != null && !a.equals(b)) {
                deps.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
            }
        }
        sb.append("\n## Modules\n\n| module | name | kind | files | loc | depends on | owners |\n|---|---|---|---|---|---|---|\n");
        for (Module m : map.modules()) {
            sb.append("| `").append(m.id()).append("` | ").append(m.name()).append(" | ")
                    .append(m.kind().name().toLowerCase(Locale.ROOT)).append(" | ").append(m.files()).append(" | ")
                    .append(m.loc()).append(" | ").append(String.join(", ", deps.getOrDefault(m.id(), Set.of())))
                    .append(" | ").append(String.join(", ", m.owners())).append(" |\n");
        }
        List<Map.Entry<String, Integer>> top = inWeight.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_FILES).toList();
        if (!top.isEmpty()) {
            sb.append("\n## Most depended-on files\n\n");
            top.forEach(e -> sb.append("- `").append(e.getKey()).append("`: ").append(e.getValue()).append(" references\n"));
        }
        if (!map.cycles().isEmpty()) {
            sb.append("\n## Cycles\n\n");
            for (List<String> c : map.cycles()) {
                sb.append("- ").append(c.size()).append(" files: ")
                        .append(String.join(", ", c.subList(0, Math.min(6, c.size())).stream().map(p -> "`" + p + "`").toList()))
                        .append(c.size() > 6 ? ", …" : "").append('\n');
            }
        }
        List<SourceFile> broken = map.files().stream().filter(f -> !f.parseErrors().isEmpty()).toList();
        if (!broken.isEmpty()) {
            sb.append("\n## Files with parse errors\n\n");
            broken.forEach(f -> sb.append("- `").append(f.path()).append("`: ").append(f.parseErrors().get(0)).append('\n'));
        }
        return sb.toString();
    }
}
