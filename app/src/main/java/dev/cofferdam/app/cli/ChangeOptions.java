package dev.cofferdam.app.cli;

import dev.cofferdam.engine.blast.SeedSpec;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The diff options shared by {@code blast} and {@code context}. */
final class ChangeOptions {
    @Option(names = "--git", paramLabel = "A..B",
            description = "Files changed between two revisions (A..B, A...B from the merge base, or A for A..HEAD).")
    String gitRange;

    @Option(names = "--patch", paramLabel = "FILE", description = "Files named in a unified diff.")
    Path patch;

    @Option(names = "--working-tree", description = "Uncommitted changes: staged, unstaged and untracked files.")
    boolean workingTree;

    @Option(names = "--depth", defaultValue = "0", paramLabel = "N",
            description = "Reverse-dependency hops at most (default: 0 = no limit).")
    int depth;

    @Option(names = "--no-history", negatable = false,
            description = "Skip the git-history signal (files that changed together with the seeds).")
    boolean noHistory;

    boolean hasDiff() {
        return gitRange != null || patch != null || workingTree;
    }

    SeedSpec spec(List<String> seeds) {
        return new SeedSpec(seeds, gitRange, patch, workingTree);
    }
}
