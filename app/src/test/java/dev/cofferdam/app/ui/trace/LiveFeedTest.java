package dev.cofferdam.app.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.common.QueueExecutor;
import dev.cofferdam.engine.trace.detect.Thresholds;
import dev.cofferdam.engine.trace.live.TranscriptTailer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live updates reach the FX executor batched: one hand-over per burst, carrying the latest session. */
class LiveFeedTest {
    @TempDir
    Path dir;

    @Test
    void aBurstOfUpdatesIsOneHandOverWithTheLatestSession() throws Exception {
        Path t = dir.resolve("live.jsonl");
        QueueExecutor fx = new QueueExecutor();
        List<TraceAnalysis> applied = new ArrayList<>();
        LiveFeed feed = new LiveFeed(t, Duration.ofSeconds(1), s -> TraceAnalysis.of(s, Thresholds.DEFAULTS, null, null),
                fx, applied::add);
        // poll the transcript the way the feed's own tailer does, three times while the FX thread is busy
        try (TranscriptTailer tailer = new TranscriptTailer(t, feed, Duration.ofSeconds(1))) {
            for (int i = 1; i <= 3; i++) {
                Transcripts.append(t, Transcripts.call("/w", "c" + i, "Bash", "{\"command\":\"step " + i + "\"}", "ok",
                        false));
                tailer.poll();
            }
        }
        assertThat(fx.size()).isEqualTo(1);
        fx.runAll();
        assertThat(applied).singleElement().extracting(a -> a.session().calls().size()).isEqualTo(3);

        Transcripts.append(t, Transcripts.call("/w", "c4", "Read", "{\"file_path\":\"/w/A\"}", "a", false));
        try (TranscriptTailer tailer = new TranscriptTailer(t, feed, Duration.ofSeconds(1))) {
            tailer.poll();
        }
        assertThat(fx.size()).isEqualTo(1);
        feed.close();
        fx.runAll();
        assertThat(applied).as("nothing is applied after close").hasSize(1);
    }
}
