package dev.cofferdam.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output chunks from reader threads reach the FX executor coalesced, in order, and bounded. */
class OutputFeedTest {
    private final List<Runnable> queued = new ArrayList<>();
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final OutputFeed feed = new OutputFeed(queued::add, b -> {
        batchSizes.add(b.length);
        seen.writeBytes(b);
    });

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }

    @Test
    void aFloodOfChunksIsOneTaskOnTheFxThread() {
        for (int i = 0; i < 1000; i++) {
            byte[] b = ("line " + i + "\n").getBytes();
            feed.offer(b, 0, b.length);
        }
        assertThat(queued).hasSize(1);
        runQueued();
        assertThat(batchSizes).hasSize(1);
        assertThat(seen.toString()).startsWith("line 0\nline 1\n").endsWith("line 999\n");
        byte[] more = "again".getBytes();
        feed.offer(more, 0, more.length);
        assertThat(queued).hasSize(1);
        runQueued();
        assertThat(seen.toString()).endsWith("line 999\nagain");
    }

    @Test
    void aHugeBacklogIsHandedOverInBoundedBatches() {
        byte[] mb = new byte[1024 * 1024];
        for (int i = 0; i < 3; i++) {
            feed.offer(mb, 0, mb.length);
        }
        assertThat(queued).hasSize(1);
        runQueued();
        assertThat(batchSizes).hasSize(3 * 1024 * 1024 / OutputFeed.MAX_BATCH).allMatch(n -> n == OutputFeed.MAX_BATCH);
        assertThat(feed.batches()).isEqualTo(batchSizes.size());
    }
}
