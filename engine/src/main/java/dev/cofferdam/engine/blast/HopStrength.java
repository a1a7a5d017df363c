package dev.cofferdam.engine.blast;

import dev.cofferdam.engine.map.EdgeKind;

/**
 * How strongly a change to a file propagates to one file that depends on it directly.
 * <p>Each reference is treated as an independent chance {@code b(kind)} that the change breaks the
 * dependent (a noisy-OR): for all edges {@code e} from the dependent to the changed file,
 * <pre>  s = 1 - Π_e (1 - b(kind_e))^weight_e</pre>
 * with {@code b(EXTENDS) = b(IMPLEMENTS) = 0.9} (a subtype breaks with its supertype),
 * {@code b(IMPORT) = b(STATIC_IMPORT) = 0.25} (an import alone says little),
 * {@code b(REFERENCE) = b(ANNOTATION) = 0.15} per use. So one import gives 0.25, an import and ten
 * uses 0.85, an {@code extends} 0.9. Stateless and thread-safe.
 */
public final class HopStrength {
    private HopStrength() {
    }

    /** The per-reference break chance of an edge kind. */
    public static double perReference(EdgeKind kind) {
        return switch (kind) {
            case EXTENDS, IMPLEMENTS -> 0.9;
            case IMPORT, STATIC_IMPORT -> 0.25;
            case REFERENCE, ANNOTATION -> 0.15;
        };
    }

    /** {@code log(1 - b(kind)) * weight}: the edge's term of {@code log(1 - s)}, to be summed per file pair. */
    public static double logMiss(EdgeKind kind, int weight) {
        return Math.log1p(-perReference(kind)) * Math.max(1, weight);
    }

    /** The strength {@code s} from the summed {@link #logMiss} terms of a file pair. */
    public static double fromLogMiss(double sumLogMiss) {
        return -Math.expm1(sumLogMiss);
    }
}
