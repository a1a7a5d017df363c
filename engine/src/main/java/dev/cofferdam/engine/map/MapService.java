package dev.cofferdam.engine.map;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.ProgressListener;
import java.nio.file.Path;

/**
 * Produces the map of a repository, reading and updating the persisted index so that reopening is
 * fast and a re-map re-parses only what changed. Thread-safe.
 */
public interface MapService {
    /**
     * @param root     the repository root (a directory)
     * @param progress receives progress; never null (use {@link ProgressListener#NONE})
     * @return the current map of the repository
     * @throws AnalysisException when the path is missing, not a directory, or unreadable, or the
     *                           index cannot be written (nothing half-written is left behind)
     */
    RepoMap map(Path root, ProgressListener progress) throws AnalysisException;
}
