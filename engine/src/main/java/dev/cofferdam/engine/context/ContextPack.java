package dev.cofferdam.engine.context;

import java.util.List;

/**
 * A Markdown pack of what an agent needs before a change: module map, blast radius, tests, owners.
 *
 * @param markdown the pack
 * @param tokens   its estimated size in tokens ({@link Tokens#estimate})
 * @param budget   the budget it was fitted to (0 = none)
 * @param cut      what was left out to fit, e.g. "12 impacted files" (empty when nothing was cut)
 */
public record ContextPack(String markdown, int tokens, int budget, List<String> cut) {
    public ContextPack {
        cut = List.copyOf(cut);
    }
}
