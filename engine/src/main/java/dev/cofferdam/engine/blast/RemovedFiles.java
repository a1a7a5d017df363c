package dev.cofferdam.engine.blast;

import java.util.HashMap;
import java.util.Map;

/**
 * Dependents of a source file that no longer exists. Its path {@code .../a/b/Foo.java} read as
 * dotted names gives candidates ({@code a.b.Foo}, {@code b.Foo}, ...); every unresolved reference of
 * the map whose name is such a candidate, or a member or nested type of one, is a use of the removed
 * file. Candidates need at least two segments, so a bare {@code Foo} never matches. Thread-safe.
 */
final class RemovedFiles {
    private RemovedFiles() {
    }

    /** @return referencing file → summed log-miss (see {@link HopStrength}) */
    static Map<String, Double> dependents(ReverseIndex index, String removedPath) {
        Map<String, Double> out = new HashMap<>();
        int dot = removedPath.lastIndexOf('.');
        int slash = removedPath.lastIndexOf('/');
        if (dot <= slash) {
            return out;
        }
        String dotted = "." + removedPath.substring(0, dot).replace('/', '.');
        for (Map.Entry<String, Map<String, Double>> e : index.externalLogMiss.entrySet()) {
            if (refersTo(dotted, e.getKey())) {
                e.getValue().forEach((from, miss) -> out.merge(from, miss, Double::sum));
            }
        }
        return out;
    }

    /** Whether {@code name} ({@code a.b.Foo}, {@code a.b.Foo.Inner}, {@code a.b.Foo.CONST}) is a suffix type of {@code dotted}. */
    static boolean refersTo(String dotted, String name) {
        String n = name;
        while (n.indexOf('.') > 0) {
            if (dotted.endsWith("." + n)) {
                return true;
            }
            n = n.substring(0, n.lastIndexOf('.'));
        }
        return false;
    }
}
