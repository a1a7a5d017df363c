package dev.cofferdam.engine.git;

/**
 * Evolutionary coupling: {@code path} changed together with the seed in past commits. Shown apart
 * from the static blast radius, labelled as history.
 *
 * @param seed        the seed file (rule antecedent)
 * @param path        the co-changed file (rule consequent), relative to the map root
 * @param support     number of commits that changed both (Zimmermann et al. 2004)
 * @param confidence  support divided by the number of commits that changed the seed, in (0, 1]
 */
public record CoChange(String seed, String path, int support, double confidence) {
}
