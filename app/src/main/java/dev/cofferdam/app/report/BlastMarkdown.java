package dev.cofferdam.app.report;

import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.blast.BlastResult;
import dev.cofferdam.engine.context.BudgetFitter;
import dev.cofferdam.engine.context.PackSections;
import java.util.List;

/** {@code cofferdam blast --format md}: the JSON's content as compact Markdown for a PR comment or an agent. */
public final class BlastMarkdown {
    private BlastMarkdown() {
    }

    public static String render(BlastReport report) {
        BlastResult r = report.result();
        return BudgetFitter.fit("Blast radius", List.of(
                PackSections.seeds(r),
                PackSections.impacted(r),
                PackSections.tests(r),
                PackSections.owners(r),
                PackSections.modulesTouched(r),
                PackSections.cycles(r),
                PackSections.history(report),
                PackSections.combined(report)), 0).markdown();
    }
}
