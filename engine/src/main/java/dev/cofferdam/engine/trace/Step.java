package dev.cofferdam.engine.trace;

import java.util.List;

/**
 * One model response: the batch of (possibly parallel) tool calls it issued.
 *
 * @param index 0-based position in the session
 * @param time  timestamp of the first record of the response, or null
 * @param key   the response's id (Claude message id) or a synthetic key
 * @param calls seqs of the tool calls issued, in order
 */
public record Step(int index, String time, String key, List<Integer> calls) {
    public Step {
        calls = List.copyOf(calls);
    }
}
