package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.TraceSession;
import java.util.List;

/**
 * A pure function from a session to findings: the same session gives the same findings, live or
 * replayed. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface Detector {
    /** @return findings in call order */
    List<Finding> detect(TraceSession session, Thresholds t);
}
