package dev.cofferdam.engine.trace.report;

import dev.cofferdam.engine.trace.detect.Finding;
import dev.cofferdam.engine.trace.detect.Thresholds;
import java.util.List;

/**
 * What {@code cofferdam trace report --format json} prints (schema 1). Immutable.
 *
 * @param schema       1
 * @param session      headline figures
 * @param findings     detector findings in call order
 * @param files        files read or changed, in order of first touch
 * @param contextLimit the compaction threshold the context detectors used
 * @param context      the context curve, one point per model request
 * @param thresholds   every threshold in force
 * @param seeds        with a map: the task's seed files (repository-relative); null without
 * @param hosts        hosts contacted per the egress log, when one was given; null otherwise
 */
public record TraceReport(int schema, SessionSummary session, List<Finding> findings, List<FileTouch> files,
                          long contextLimit, List<ContextPoint> context, Thresholds thresholds, List<String> seeds,
                          List<HostContact> hosts) {
    public static final int SCHEMA = 1;

    public TraceReport {
        findings = List.copyOf(findings);
        files = List.copyOf(files);
        context = List.copyOf(context);
        seeds = seeds == null ? null : List.copyOf(seeds);
        hosts = hosts == null ? null : List.copyOf(hosts);
    }
}
