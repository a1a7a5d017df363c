package dev.cofferdam.engine.map;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.ProgressListener;
import java.nio.file.Path;

/**
 * The map service backed by the persisted index under the user's cache directory.
 * Placeholder until the Java analysis lands: it maps nothing.
 */
public final class IndexedMapService implements MapService {
    @Override
    public RepoMap map(Path root, ProgressListener progress) throws AnalysisException {
        throw new AnalysisException("the map engine is not built yet");
    }
}
