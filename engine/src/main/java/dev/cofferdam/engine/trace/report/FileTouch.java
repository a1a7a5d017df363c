package dev.cofferdam.engine.trace.report;

import java.util.List;

/**
 * One file the session read or changed.
 *
 * @param path    as the session named it (absolute when resolvable)
 * @param reads   seqs of calls that read it
 * @param changes seqs of calls that changed it
 * @param ops     the distinct changes ("create", "modify", "delete", ...)
 * @param inside  against the map: true inside the task's neighbourhood, false outside, null
 *                without a map
 */
public record FileTouch(String path, List<Integer> reads, List<Integer> changes, List<String> ops, Boolean inside) {
    public FileTouch {
        reads = List.copyOf(reads);
        changes = List.copyOf(changes);
        ops = List.copyOf(ops);
    }
}
