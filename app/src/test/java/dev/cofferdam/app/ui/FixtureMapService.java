package dev.cofferdam.app.ui;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.map.MapService;
import dev.cofferdam.engine.map.RepoMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Maps a folder to the {@link TestMaps#shop} map, reporting progress like the engine does. A
 * folder holding a file named {@code EMPTY} maps to no files; one holding {@code BROKEN} fails
 * half-way.
 */
public final class FixtureMapService implements MapService {
    @Override
    public RepoMap map(Path root, ProgressListener progress) throws AnalysisException {
        if (!Files.isDirectory(root)) {
            throw new AnalysisException("not a folder: " + root);
        }
        for (int i = 1; i <= 14; i++) {
            progress.progress("parsing", i, 14);
            if (i == 7 && Files.exists(root.resolve("BROKEN"))) {
                throw new AnalysisException("cannot read core/src/main/java/dev/shop/core/Order.java");
            }
        }
        if (Files.exists(root.resolve("EMPTY"))) {
            return new RepoMap(root.toString(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        return TestMaps.shop(root);
    }
}
