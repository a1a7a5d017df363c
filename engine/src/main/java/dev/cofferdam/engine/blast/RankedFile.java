package dev.cofferdam.engine.blast;

/**
 * A file in the combined ranking of {@link BlastReport#combined(int)}.
 *
 * @param path              relative to the root
 * @param score             {@code max(staticScore, historyConfidence)}
 * @param staticScore       its blast-radius score, or null when static analysis did not reach it
 * @param historyConfidence its co-change confidence with a seed, or null when history did not name it
 */
public record RankedFile(String path, double score, Double staticScore, Double historyConfidence) {
}
