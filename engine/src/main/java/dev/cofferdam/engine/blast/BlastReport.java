package dev.cofferdam.engine.blast;

import dev.cofferdam.engine.git.CoChange;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The static blast radius with the history signal beside it (never mixed into the score).
 *
 * @param result  the static blast radius
 * @param history files that changed together with the seeds in git history, best confidence first
 */
public record BlastReport(BlastResult result, List<CoChange> history) {
    public BlastReport {
        history = List.copyOf(history);
    }

    /** Whether {@code path} is a seed or in the static blast radius (impacted or tests). */
    public boolean inStaticRadius(String path) {
        Set<String> all = new HashSet<>(result.seeds());
        result.impacted().forEach(i -> all.add(i.path()));
        result.tests().forEach(i -> all.add(i.path()));
        return all.contains(path);
    }
}
