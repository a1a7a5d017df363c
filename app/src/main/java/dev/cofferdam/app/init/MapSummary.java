package dev.cofferdam.app.init;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The short map an agent reads in {@code AGENTS.md} / {@code CLAUDE.md}: the largest modules, the
 * files most others depend on, how to ask the MCP tools, and how to run the tests. Deterministic for
 * a given map (so {@code init} is idempotent). Stateless and thread-safe.
 */
public final class MapSummary {
    static final int MODULES = 8;
    static final int KEY_FILES = 6;
    private static final Set<String> OWN_FILES = Set.of("AGENTS.md", "CLAUDE.md", ".mcp.json");

    private MapSummary() {
    }

    public static String render(RepoMap map) {
        StringBuilder sb = new StringBuilder("## Code map (cofferdam)\n\n");
        // the files init writes itself stay out, so that a second run finds the same summary
        List<SourceFile> files = map.files().stream().filter(f -> !OWN_FILES.contains(f.path())).toList();
        Map<String, Integer> perModule = new HashMap<>();
        files.forEach(f -> perModule.merge(f.module(), 1, Integer::sum));
        long tests = files.stream().filter(SourceFile::test).count();
        sb.append(count(map.modules().size(), "module")).append(", ").append(count(files.size(), "file")).append(" (")
                .append(count(tests, "test")).append("). Largest modules:\n\n");
        map.modules().stream()
                .sorted(Comparator.comparingInt((Module m) -> perModule.getOrDefault(m.id(), 0)).reversed()
                        .thenComparing(Module::id))
                .limit(MODULES)
                .forEach(m -> sb.append("- `").append(m.id()).append("` ").append(m.name()).append(": ")
                        .append(count(perModule.getOrDefault(m.id(), 0), "file"))
                        .append(m.owners().isEmpty() ? "" : ", owners "
                                + String.join(", ", m.owners().subList(0, Math.min(2, m.owners().size()))))
                        .append('\n'));
        Map<String, Integer> dependents = new HashMap<>();
        for (Edge e : map.edges()) {
            dependents.merge(e.to(), 1, Integer::sum);
        }
        List<Map.Entry<String, Integer>> key = dependents.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(KEY_FILES).toList();
        if (!key.isEmpty()) {
            sb.append("\nFiles with the most dependents (change with care):\n\n");
            key.forEach(e -> sb.append("- `").append(e.getKey()).append("`: ").append(e.getValue())
                    .append(e.getValue() == 1 ? " dependent\n" : " dependents\n"));
        }
        sb.append("\nBefore a change, ask the `cofferdam` MCP server: `context_for_change` (seeds or git range) for ")
                .append("blast radius, tests and owners in one pack; `blast_radius`, `dependents`, `dependencies`, ")
                .append("`module_of`, `owners` for one question; `domain_map` for the whole map. ")
                .append("Without MCP: `cofferdam context --working-tree`.\n");
        sb.append("\nTests to run: the \"Tests to run\" of the blast radius, with ").append(testCommand(Path.of(map.root())))
                .append(".\n");
        return sb.toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String testCommand(Path root) {
        if (Files.isRegularFile(root.resolve("pom.xml"))) {
            return Files.isRegularFile(root.resolve("mvnw")) ? "`./mvnw test -Dtest=...`" : "`mvn test -Dtest=...`";
        }
        if (Files.isRegularFile(root.resolve("gradlew"))) {
            return "`./gradlew test --tests ...`";
        }
        if (Files.isRegularFile(root.resolve("build.gradle")) || Files.isRegularFile(root.resolve("build.gradle.kts"))) {
            return "`gradle test --tests ...`";
        }
        return "the project's test command";
    }
}
