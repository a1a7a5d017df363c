package dev.cofferdam.engine.map;

/**
 * A map and how it was produced.
 *
 * @param map   the map, owners included
 * @param stats what the run did
 */
public record MapResult(RepoMap map, MapStats stats) {
}
