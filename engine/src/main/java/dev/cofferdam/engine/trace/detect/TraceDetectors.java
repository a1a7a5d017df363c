package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.TraceSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every detector over a session: thrashing and context always, wrong-file edits when a map
 * neighbourhood is given. Pure: the same session and thresholds give the same findings. Thread-safe.
 */
public final class TraceDetectors {
    private final List<Detector> detectors = new ArrayList<>();

    /** @param map the repository's neighbourhood, or null to skip wrong-file detection */
    public TraceDetectors(MapNeighbourhood map) {
        detectors.add(new IdenticalRunDetector());
        detectors.add(new PingPongDetector());
        detectors.add(new StaleReReadDetector());
        detectors.add(new NoveltyDetector());
        detectors.add(new RepeatedSearchDetector());
        detectors.add(new ErrorLoopDetector());
        detectors.add(new OscillationDetector());
        detectors.add(new ContextDetector());
        if (map != null) {
            detectors.add(new WrongFileDetector(map));
        }
    }

    /** @return all findings, ordered by the first call they refer to */
    public List<Finding> detect(TraceSession s, Thresholds t) {
        List<Finding> out = new ArrayList<>();
        for (Detector d : detectors) {
            out.addAll(d.detect(s, t));
        }
        out.sort(Comparator.comparingInt(f -> f.seqs().isEmpty() ? Integer.MAX_VALUE : f.seqs().get(0)));
        return out;
    }
}
