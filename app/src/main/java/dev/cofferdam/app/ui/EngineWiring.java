package dev.cofferdam.app.ui;

import dev.cofferdam.app.ui.blast.BlastRadius;
import dev.cofferdam.app.ui.blast.ChangedFiles;
import dev.cofferdam.app.ui.blast.GitChangedFiles;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.map.IndexedMapService;
import dev.cofferdam.engine.map.MapService;

/** The engine services the workbench uses; the one place that names engine classes. */
record EngineWiring(MapService mapService, BlastRadius blastRadius, ChangedFiles changedFiles) {
    static EngineWiring create() {
        BlastRadius notYet = (map, query) -> {
            throw new AnalysisException("the blast radius engine is not built yet");
        };
        return new EngineWiring(new IndexedMapService(), notYet, new GitChangedFiles());
    }
}
