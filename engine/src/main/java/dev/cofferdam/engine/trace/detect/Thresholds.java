package dev.cofferdam.engine.trace.detect;

import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Every threshold the detectors use; {@link #DEFAULTS} holds the values of the design. Immutable.
 *
 * @param identicalWarn          identical (tool, args, result) calls in a row: amber
 * @param identicalCritical      ... red
 * @param pingPongCalls          calls alternating between two (tool, args) pairs: amber
 * @param staleReReads           re-reads of a file with unchanged content and no edit or compaction since
 * @param noveltyWindow          explore-only steps in the novelty window
 * @param noveltyMin             distinct targets / calls in the window below which exploration is flagged
 * @param searchRepeat           empty or near-identical searches among the last {@code searchWindow} calls
 * @param searchWindow           calls looked back for repeated searches
 * @param searchSimilarity       token Jaccard similarity above which two searches are near-identical
 * @param errorLoopWarn          consecutive failing steps (cascades collapsed): amber
 * @param errorLoopCritical      ... red
 * @param oscillationCycles      edit then failing verify, repeated: amber
 * @param contextAmber           occupancy of the compaction threshold: amber
 * @param contextRed             ... red
 * @param claudeCompactAt        Claude Code auto-compaction threshold in tokens (~167K of 200K)
 * @param codexCompactShare      share of Codex's model_context_window where compaction is expected
 * @param geminiWindow           Gemini window when the session does not say
 * @param geminiCompactShare     share of the Gemini window where it compresses
 * @param projectionCalls        flag when the trend crosses the threshold within this many requests
 * @param charsPerToken          characters per token to estimate the size of a result
 * @param stuffingShare          explore output since the last edit, as a share of the context
 * @param stuffingCalls          ... with at least this many calls since the last edit
 * @param churnCompactions       compactions within {@code churnCalls} calls
 * @param churnCalls             window for compaction churn
 * @param hops                   neighbourhood radius in the map's file graph
 * @param precisionMin           session edit precision below which it is flagged
 * @param precisionMinEdits      ... when at least this many files were edited
 */
public record Thresholds(
        int identicalWarn,
        int identicalCritical,
        int pingPongCalls,
        int staleReReads,
        int noveltyWindow,
        double noveltyMin,
        int searchRepeat,
        int searchWindow,
        double searchSimilarity,
        int errorLoopWarn,
        int errorLoopCritical,
        int oscillationCycles,
        double contextAmber,
        double contextRed,
        long claudeCompactAt,
        double codexCompactShare,
        long geminiWindow,
        double geminiCompactShare,
        int projectionCalls,
        int charsPerToken,
        double stuffingShare,
        int stuffingCalls,
        int churnCompactions,
        int churnCalls,
        int hops,
        double precisionMin,
        int precisionMinEdits) {

    public static final Thresholds DEFAULTS = new Thresholds(3, 5, 6, 2, 8, 0.5, 3, 12, 0.8, 3, 5, 3,
            0.60, 0.85, 167_000, 0.90, 1_048_576, 0.70, 3, 4, 0.5, 10, 2, 40, 2, 0.6, 3);

    /**
     * @param overrides component name to value ("identicalWarn" to "4")
     * @return these thresholds with the given values replaced
     * @throws IllegalArgumentException naming the first unknown threshold or unparsable value
     */
    public Thresholds with(Map<String, String> overrides) {
        RecordComponent[] comps = Thresholds.class.getRecordComponents();
        Object[] values = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        Map<String, String> left = new HashMap<>(overrides);
        try {
            for (int i = 0; i < comps.length; i++) {
                types[i] = comps[i].getType();
                String v = left.remove(comps[i].getName());
                values[i] = v == null ? comps[i].getAccessor().invoke(this) : parse(comps[i], v.trim());
            }
            if (!left.isEmpty()) {
                throw new IllegalArgumentException("unknown threshold: " + left.keySet().iterator().next());
            }
            return Thresholds.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy thresholds", e);
        }
    }

    private static Object parse(RecordComponent c, String v) {
        try {
            if (c.getType() == int.class) {
                return Integer.parseInt(v);
            }
            if (c.getType() == long.class) {
                return Long.parseLong(v.replace("_", ""));
            }
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold " + c.getName() + " needs a number, not '" + v + "'");
        }
    }
}
