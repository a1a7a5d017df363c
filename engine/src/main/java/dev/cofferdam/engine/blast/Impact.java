package dev.cofferdam.engine.blast;

import java.util.List;

/**
 * One impacted file.
 *
 * @param path     relative to the root
 * @param distance reverse-dependency hops from the nearest seed (1 = uses a seed directly)
 * @param score    ranking score in (0, 1], higher is more likely to break
 * @param via      the path it was reached by, from a seed to this file (both ends included)
 * @param module   its module id
 * @param test     whether it is a test
 * @param owners   its owners
 */
public record Impact(String path, int distance, double score, List<String> via, String module, boolean test,
                     List<String> owners) {
    public Impact {
        via = List.copyOf(via);
        owners = List.copyOf(owners);
    }
}
