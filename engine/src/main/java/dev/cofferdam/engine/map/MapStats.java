package dev.cofferdam.engine.map;

/**
 * What one map run did, for tests, benchmarks and logs.
 *
 * @param files        files in the map
 * @param parsed       files whose facts were extracted in this run (not taken from the index)
 * @param fromSnapshot the whole map came from the index unchanged (nothing was re-linked)
 * @param millis       wall-clock time of the run, owners excluded
 */
public record MapStats(int files, int parsed, boolean fromSnapshot, long millis) {
}
