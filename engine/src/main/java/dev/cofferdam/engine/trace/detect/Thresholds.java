package dev.cofferdam.engine.trace.detect;

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
}
