package dev.cofferdam.engine.blast;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user named as the change: seed strings and/or one diff source.
 *
 * @param seeds       files, directories, types or modules (see {@link SeedResolver})
 * @param gitRange    {@code A..B}, {@code A...B} or {@code A}, or null
 * @param patch       a unified diff file, or null
 * @param workingTree whether the uncommitted changes of the work tree are seeds
 */
public record SeedSpec(List<String> seeds, String gitRange, Path patch, boolean workingTree) {
    public SeedSpec {
        seeds = List.copyOf(seeds);
    }

    public static SeedSpec of(List<String> seeds) {
        return new SeedSpec(seeds, null, null, false);
    }

    public boolean isEmpty() {
        return seeds.isEmpty() && gitRange == null && patch == null && !workingTree;
    }
}
