package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.detect.MapNeighbourhood;
import dev.cofferdam.engine.trace.detect.Thresholds;
import dev.cofferdam.engine.trace.report.HostContact;
import dev.cofferdam.engine.trace.report.TraceReport;
import dev.cofferdam.engine.trace.report.TraceReporter;
import java.util.List;
import java.util.Set;

/**
 * Everything the Trace view shows of one session, computed off the FX thread.
 *
 * @param session  the session
 * @param report   findings, files and context curve
 * @param timeline the timeline tree
 * @param overlay  allowed / should / did
 */
public record TraceAnalysis(TraceSession session, TraceReport report, List<TimelineRow> timeline,
                            MapOverlay overlay) {

    /** Builds the neighbourhood of a map once and reuses it while the same map is open. Thread-safe. */
    static final class Maps {
        private RepoMap map;
        private MapNeighbourhood hood;

        synchronized MapNeighbourhood of(RepoMap m) {
            if (m == null) {
                return null;
            }
            if (m != map) {
                map = m;
                hood = new MapNeighbourhood(m);
            }
            return hood;
        }
    }

    static TraceAnalysis of(TraceSession s, Thresholds t, MapNeighbourhood hood, List<HostContact> hosts) {
        TraceReport r = TraceReporter.report(s, t, hood, hosts);
        Set<String> predicted = hood == null || r.seeds() == null || r.seeds().isEmpty() ? Set.of()
                : hood.around(r.seeds(), t.hops());
        return new TraceAnalysis(s, r, Timeline.of(s), MapOverlay.of(r, predicted, hood != null));
    }
}
