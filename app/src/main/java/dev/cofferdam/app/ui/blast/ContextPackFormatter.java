package dev.cofferdam.app.ui.blast;

import dev.cofferdam.engine.blast.BlastResult;
import dev.cofferdam.engine.blast.Impact;
import dev.cofferdam.engine.blast.ModuleImpact;
import java.util.List;
import java.util.Locale;

/**
 * Formats a blast radius as a compact Markdown pack to paste into an agent's prompt: seeds, the
 * impacted files with how they are reached, the tests to run and the owners to notify.
 * Pure; thread-safe.
 */
public final class ContextPackFormatter {
    private static final int MAX_ROWS = 40;

    private ContextPackFormatter() {
    }

    public static String format(String repository, BlastResult r) {
        StringBuilder b = new StringBuilder();
        b.append("# Change context (cofferdam)\n\n");
        b.append("Repository: ").append(repository).append('\n');
        b.append("Seeds: ").append(String.join(", ", r.seeds())).append("\n\n");
        b.append("## Modules touched\n");
        for (ModuleImpact m : r.modules()) {
            b.append("- ").append(m.id()).append(" (").append(m.files()).append(" files, score ")
                    .append(score(m.score())).append(")\n");
        }
        section(b, "Impacted files (score, distance, via)", r.impacted());
        section(b, "Tests to run", r.tests());
        b.append("\n## Owners to notify\n");
        r.owners().forEach(o -> b.append("- ").append(o).append('\n'));
        if (!r.cycles().isEmpty()) {
            b.append("\n## Cycles met\n");
            r.cycles().forEach(c -> b.append("- ").append(String.join(" -> ", c)).append('\n'));
        }
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<Impact> rows) {
        b.append("\n## ").append(title).append('\n');
        rows.stream().limit(MAX_ROWS).forEach(i -> b.append("- `").append(i.path()).append("` ")
                .append(score(i.score())).append(", d").append(i.distance()).append(", via ")
                .append(String.join(" <- ", i.via())).append('\n'));
        if (rows.size() > MAX_ROWS) {
            b.append("- ... and ").append(rows.size() - MAX_ROWS).append(" more\n");
        }
    }

    private static String score(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }
}
