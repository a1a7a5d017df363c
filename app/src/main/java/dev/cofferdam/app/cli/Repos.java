package dev.cofferdam.app.cli;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.map.IndexedMapService;
import dev.cofferdam.engine.map.MapService;
import dev.cofferdam.engine.map.RepoMap;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the map commands share: checking the repository path and mapping it. */
final class Repos {
    private static final MapService MAPS = new IndexedMapService();

    private Repos() {
    }

    /** @throws AnalysisException when the path does not exist or is not a directory */
    static Path root(Path given) throws AnalysisException {
        Path p = given.toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new AnalysisException("no such directory: " + given);
        }
        if (!Files.isDirectory(p)) {
            throw new AnalysisException("not a directory: " + given + " (give the repository's root folder)");
        }
        return p;
    }

    static RepoMap map(Path root, ProgressListener progress) throws AnalysisException {
        try {
            return MAPS.map(root, progress);
        } finally {
            TerminalProgress.clear(progress);
        }
    }
}
