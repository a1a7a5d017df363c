package dev.cofferdam.app.ui.walls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.vm.egress.EgressRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EgressFilterTest {
    private static EgressRecord record(String sandbox, String host, String decision, String rule, String reason) {
        return new EgressRecord(1, Instant.EPOCH, sandbox, "127.0.0.1:5000", "CONNECT", host, 443, "", host, decision,
                rule, reason, 200, 10, 20, 5, "");
    }

    @Test
    void textMatchesAnyShownFieldIgnoringCase() {
        EgressRecord r = record("box", "api.example.com", "allow", "**.example.com", "allowed by rule");
        assertThat(new EgressFilter("API.EXAMPLE", "", "").test(r)).isTrue();
        assertThat(new EgressFilter("**.example", "", "").test(r)).isTrue();
        assertThat(new EgressFilter("connect", "", "").test(r)).isTrue();
        assertThat(new EgressFilter("443", "", "").test(r)).isTrue();
        assertThat(new EgressFilter("other", "", "").test(r)).isFalse();
    }

    @Test
    void decisionAndSandboxMustMatchExactly() {
        EgressRecord r = record("box", "evil.example", "deny", "", "no rule allows evil.example:443");
        assertThat(new EgressFilter("", "deny", "box").test(r)).isTrue();
        assertThat(new EgressFilter("", "allow", "").test(r)).isFalse();
        assertThat(new EgressFilter("", "", "bo").test(r)).isFalse();
        assertThat(EgressFilter.NONE.test(r)).isTrue();
    }
}
