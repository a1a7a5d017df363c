package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.report.FileTouch;
import dev.cofferdam.engine.trace.report.HostContact;
import dev.cofferdam.engine.trace.report.TraceReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Allowed / should / did: the files the session read and edited, the files the map predicts from
 * the task's seeds, the edits outside that neighbourhood, and the hosts contacted per the egress log.
 *
 * @param read      files read
 * @param edited    files changed
 * @param predicted repository-relative files within the seeds' neighbourhood; empty without a map
 * @param outside   edited files outside the neighbourhood
 * @param hosts     hosts contacted, or null when no egress log was joined
 * @param mapped    whether a map was open
 */
public record MapOverlay(List<String> read, List<String> edited, List<String> predicted, List<String> outside,
                         List<HostContact> hosts, boolean mapped) {
    public MapOverlay {
        read = List.copyOf(read);
        edited = List.copyOf(edited);
        predicted = List.copyOf(predicted);
        outside = List.copyOf(outside);
        hosts = hosts == null ? null : List.copyOf(hosts);
    }

    static MapOverlay of(TraceReport r, Set<String> predicted, boolean mapped) {
        List<String> read = new ArrayList<>();
        List<String> edited = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (FileTouch f : r.files()) {
            if (!f.reads().isEmpty()) {
                read.add(f.path());
            }
            if (!f.changes().isEmpty()) {
                edited.add(f.path());
                if (Boolean.FALSE.equals(f.inside())) {
                    outside.add(f.path());
                }
            }
        }
        List<String> should = new ArrayList<>(predicted);
        should.sort(null);
        return new MapOverlay(read, edited, should, outside, r.hosts(), mapped);
    }
}
