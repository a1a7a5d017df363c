package dev.cofferdam.app.ui.blast;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.blast.BlastQuery;
import dev.cofferdam.engine.blast.BlastResult;
import dev.cofferdam.engine.map.RepoMap;

/** Computes the blast radius of a query on a map; the engine's blast class fits by method reference. */
@FunctionalInterface
public interface BlastRadius {
    /**
     * @throws AnalysisException when a seed is unknown or the query is bad
     */
    BlastResult of(RepoMap map, BlastQuery query) throws AnalysisException;
}
