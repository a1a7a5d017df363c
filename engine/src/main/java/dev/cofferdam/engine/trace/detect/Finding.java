package dev.cofferdam.engine.trace.detect;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One thing a detector noticed. Immutable.
 *
 * @param detector   stable id, "family.kind" ("thrashing.identical-run", "context.occupancy")
 * @param severity   amber or red
 * @param message    one line for the user
 * @param seqs       the tool calls it refers to
 * @param thresholds the threshold values it applied, by name
 */
public record Finding(String detector, Severity severity, String message, List<Integer> seqs,
                      Map<String, Number> thresholds) {
    public Finding {
        seqs = List.copyOf(seqs);
        thresholds = java.util.Collections.unmodifiableMap(new TreeMap<>(thresholds));
    }
}
