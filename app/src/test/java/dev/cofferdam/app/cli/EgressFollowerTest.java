package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.vm.egress.EgressRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EgressFollowerTest {
    private static final Instant T0 = Instant.parse("2026-12-04T20:00:00Z");

    private static EgressRecord record(long id, Instant time, int status, long durationMs) {
        return new EgressRecord(id, time, "box", "127.0.0.1:5000", "GET", "allowed.example", 80, "/", "", "allow",
                "allowed.example", "allowed", status, 0, 0, durationMs, "");
    }

    @Test
    void aRunningExchangeHoldsBackLaterRecordsUntilTheGracePeriodEnds() {
        EgressRecord done = record(1, T0, 200, 5);
        EgressRecord running = record(2, T0, 0, 0);
        EgressRecord later = record(3, T0, 403, 0);
        List<EgressRecord> batch = List.of(done, running, later);

        assertThat(EgressFollower.settled(batch, T0.plusSeconds(1))).containsExactly(done);
        assertThat(EgressFollower.settled(batch, T0.plus(EgressFollower.GRACE).plusMillis(1)))
                .containsExactly(done, running, later);
        assertThat(EgressFollower.settled(List.of(record(4, T0, 0, 12)), T0)).hasSize(1);
    }
}
