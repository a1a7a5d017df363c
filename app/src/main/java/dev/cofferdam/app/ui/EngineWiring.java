package dev.cofferdam.app.ui;

import dev.cofferdam.app.ui.blast.BlastSource;
import dev.cofferdam.engine.blast.BlastService;
import dev.cofferdam.engine.map.IndexedMapService;
import dev.cofferdam.engine.map.MapService;

/** The engine services the workbench uses; the one place that creates engine classes. */
record EngineWiring(MapService mapService, BlastSource blastSource) {
    static EngineWiring create() {
        BlastService blast = new BlastService();
        return new EngineWiring(new IndexedMapService(), (map, root, spec) -> blast.blast(map, root, spec, 0, true));
    }
}
