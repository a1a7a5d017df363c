package dev.cofferdam.engine.blast;

import java.util.List;

/**
 * Seeds resolved against a map.
 *
 * @param labels  every seed as reported in {@link BlastResult#seeds()}: file paths, including changed
 *                files that are not in the map (deleted files, build files, documents)
 * @param files   seed files present in the map, where the walk starts
 * @param removed deleted (or renamed-away) source files: their dependents are found through the
 *                map's unresolved references to the types they declared
 */
public record ResolvedSeeds(List<String> labels, List<String> files, List<String> removed) {
    public ResolvedSeeds {
        labels = List.copyOf(labels);
        files = List.copyOf(files);
        removed = List.copyOf(removed);
    }
}
