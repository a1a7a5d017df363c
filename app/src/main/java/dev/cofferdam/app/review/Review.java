package dev.cofferdam.app.review;

import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.trace.report.TraceReport;
import java.util.List;
import java.util.Map;

/**
 * What a reviewer needs on one page ({@code cofferdam review}). Immutable.
 *
 * @param change  the change: "A..B" or "working tree"
 * @param files   the diff's files with their line counts
 * @param modules module id of each diff file that is in the map
 * @param blast   the blast radius of the diff (tests to run and owners to notify inside)
 * @param trace   the agent session's report when a transcript was given, else null
 */
public record Review(String change, List<DiffStat> files, Map<String, String> modules, BlastReport blast,
                     TraceReport trace) {
    public static final int SCHEMA = 1;

    public Review {
        files = List.copyOf(files);
        modules = Map.copyOf(modules);
    }

    public int added() {
        return files.stream().mapToInt(f -> Math.max(0, f.added())).sum();
    }

    public int deleted() {
        return files.stream().mapToInt(f -> Math.max(0, f.deleted())).sum();
    }
}
