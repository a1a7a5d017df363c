package dev.cofferdam.engine.trace.detect;

import static dev.cofferdam.engine.trace.ClaudeScript.edit;
import static dev.cofferdam.engine.trace.ClaudeScript.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.ClaudeScript;
import dev.cofferdam.engine.trace.Fixtures;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.ingest.TranscriptReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextDetectorTest {
    private static final Thresholds T = Thresholds.DEFAULTS;

    private static List<Finding> only(TraceSession s, String id) {
        return new ContextDetector().detect(s, T).stream().filter(f -> f.detector().equals(id)).toList();
    }

    private static TraceSession atContext(long tokens) {
        return new ClaudeScript("/repo").prompt("p").context(tokens).step(read("/repo/a", "x")).session();
    }

    @Test
    void occupancyAmberAndRedAgainstTheClaudeCompactionThreshold() {
        assertThat(only(atContext(50_000), "context.occupancy")).isEmpty();
        Finding amber = only(atContext(110_000), "context.occupancy").get(0);
        assertThat(amber.severity()).isEqualTo(Severity.AMBER);
        assertThat(amber.thresholds()).containsEntry("limit", 167_000L).containsEntry("amber", 0.60);
        assertThat(amber.seqs()).isEmpty();
        assertThat(only(atContext(150_000), "context.occupancy")).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.RED);
    }

    @Test
    void projectedCrossingWithinThreeRequests() {
        ClaudeScript s = new ClaudeScript("/repo").prompt("p");
        long[] ctx = {90_000, 110_000, 130_000, 140_000};
        for (int i = 0; i < ctx.length; i++) {
            s.context(ctx[i]).step(read("/repo/f" + i, "x"));
        }
        assertThat(only(s.session(), "context.projected-crossing")).singleElement()
                .satisfies(f -> assertThat(f.seqs()).containsExactly(3));
        ClaudeScript flat = new ClaudeScript("/repo").prompt("p");
        for (int i = 0; i < 4; i++) {
            flat.context(100_000 + i * 1000).step(read("/repo/f" + i, "x"));
        }
        assertThat(only(flat.session(), "context.projected-crossing")).isEmpty();
    }

    @Test
    void singleReadLargerThanWhatIsLeft() {
        TraceSession s = new ClaudeScript("/repo").prompt("p").context(150_000)
                .step(read("/repo/big.log", "y".repeat(80_000))).session();
        assertThat(only(s, "context.read-larger-than-left")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.RED);
            assertThat(f.seqs()).containsExactly(1);
        });
        TraceSession small = new ClaudeScript("/repo").prompt("p").context(150_000)
                .step(read("/repo/small", "y".repeat(8_000))).session();
        assertThat(only(small, "context.read-larger-than-left")).isEmpty();
    }

    @Test
    void stuffingWithoutRecentEdit() {
        ClaudeScript s = new ClaudeScript("/repo").prompt("p").context(60_000);
        for (int i = 0; i < 10; i++) {
            s.step(read("/repo/f" + i, "z".repeat(40_000)));
        }
        assertThat(only(s.session(), "context.stuffing")).singleElement()
                .satisfies(f -> assertThat(f.seqs()).hasSize(10));
        s.step(edit("/repo/f1", "z", "w"));
        assertThat(only(s.session(), "context.stuffing")).isEmpty();
    }

    @Test
    void compactionChurn() {
        TraceSession churn = new ClaudeScript("/repo").prompt("p").step(read("/repo/a", "1")).compact(160_000)
                .step(read("/repo/b", "2")).compact(160_000).session();
        assertThat(only(churn, "context.compaction-churn")).singleElement()
                .satisfies(f -> assertThat(f.seqs()).containsExactly(1, 2));
        ClaudeScript apart = new ClaudeScript("/repo").prompt("p").compact(160_000);
        for (int i = 0; i < 50; i++) {
            apart.step(read("/repo/f" + i, "x"));
        }
        assertThat(only(apart.compact(160_000).session(), "context.compaction-churn")).isEmpty();
        assertThat(churn.compactions()).hasSize(2);
        assertThat(churn.compactions().get(0).preTokens()).isEqualTo(160_000);
    }

    @Test
    void codexLimitComesFromItsModelContextWindow() throws Exception {
        TraceSession s = TranscriptReader.read(Fixtures.transcript(Fixtures.CODEX_CRUD), ProgressListener.NONE);
        assertThat(ContextLimit.of(s, T)).isEqualTo(Math.round(258_400 * 0.90));
        Thresholds tight = new Thresholds(3, 5, 6, 2, 8, 0.5, 3, 12, 0.8, 3, 5, 3, 0.60, 0.85, 167_000,
                0.04, 1_048_576, 0.70, 3, 4, 0.5, 10, 2, 40, 2, 0.6, 3);
        // 9680 of 0.04 x 258400 = 10336 tokens: 94%, red
        assertThat(new ContextDetector().detect(s, tight)).filteredOn(f -> f.detector().equals("context.occupancy"))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.RED);
    }
}
