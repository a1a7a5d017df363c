package dev.cofferdam.engine.context;

import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.map.RepoMap;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the context pack an agent gets before a change ({@code cofferdam context}): the seeds,
 * the blast radius (top impacted files with their path from a seed), the tests to run, the owners
 * to notify, the modules touched, the module map, cycles met and the history signal, and (when
 * history has something) the combined ranking of both signals first. When it does
 * not fit the budget, the least important lines go first (the module map of untouched modules,
 * the long tail of impacted files and tests, then the history), and the pack says what it cut.
 * Stateless and thread-safe; fitting costs O(lines × sections), one render at the end.
 */
public final class ContextPackBuilder {
    private ContextPackBuilder() {
    }

    /**
     * @param budgetTokens the most tokens the pack may take (≈ chars / 4); 0 = no limit
     */
    public static ContextPack build(RepoMap map, BlastReport report, int budgetTokens) {
        String name = Path.of(map.root()).getFileName() == null ? map.root() : Path.of(map.root()).getFileName().toString();
        List<Section> sections = List.of(
                PackSections.seeds(report.result()),
                PackSections.combined(report),
                PackSections.impacted(report.result()),
                PackSections.tests(report.result()),
                PackSections.owners(report.result()),
                PackSections.moduleMap(map, report.result()),
                PackSections.cycles(report.result()),
                PackSections.history(report));
        return BudgetFitter.fit("Change context for " + name, sections, budgetTokens);
    }
}
