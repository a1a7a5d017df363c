package dev.cofferdam.app.ui.blast;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.blast.SeedSpec;
import dev.cofferdam.engine.map.RepoMap;
import java.nio.file.Path;

/**
 * The blast radius of seeds or a diff on a map; the engine's {@code BlastService} fits by a lambda.
 * Called off the FX thread.
 */
@FunctionalInterface
public interface BlastSource {
    /**
     * @param root the repository the map was made of (for git ranges and the working tree)
     * @throws AnalysisException for an unknown seed, a bad range, an empty diff, no git repository
     */
    BlastReport blast(RepoMap map, Path root, SeedSpec spec) throws AnalysisException;
}
