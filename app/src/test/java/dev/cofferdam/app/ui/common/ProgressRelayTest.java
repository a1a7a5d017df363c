package dev.cofferdam.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressRelayTest {
    @Test
    void burstsAreCoalescedToTheLatestStep() {
        QueueExecutor fx = new QueueExecutor();
        List<ProgressRelay.Step> seen = new ArrayList<>();
        ProgressRelay relay = new ProgressRelay(fx, seen::add);
        for (int i = 1; i <= 100; i++) {
            relay.progress("parsing", i, 200);
        }
        assertThat(fx.size()).isEqualTo(1);
        fx.runAll();
        assertThat(seen).containsExactly(new ProgressRelay.Step("parsing", 100, 200));
        assertThat(seen.get(0).fraction()).isEqualTo(0.5);
    }

    @Test
    void nothingIsDeliveredAfterClose() {
        QueueExecutor fx = new QueueExecutor();
        List<ProgressRelay.Step> seen = new ArrayList<>();
        ProgressRelay relay = new ProgressRelay(fx, seen::add);
        relay.progress("scanning", 1, -1);
        relay.close();
        relay.progress("scanning", 2, -1);
        fx.runAll();
        assertThat(seen).isEmpty();
        assertThat(new ProgressRelay.Step("scanning", 3, -1).fraction()).isEqualTo(-1);
    }
}
