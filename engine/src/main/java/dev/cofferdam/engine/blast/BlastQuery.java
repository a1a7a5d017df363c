package dev.cofferdam.engine.blast;

import java.util.List;

/**
 * What to compute the blast radius of.
 *
 * @param seeds    file paths (relative to the root), qualified type names, or module ids
 * @param maxDepth how many reverse-dependency hops to walk at most (0 = unlimited)
 */
public record BlastQuery(List<String> seeds, int maxDepth) {
    public BlastQuery {
        seeds = List.copyOf(seeds);
    }
}
