package dev.cofferdam.engine.trace.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
    @Test
    void overridesReplaceNamedValuesOnly() {
        Thresholds t = Thresholds.DEFAULTS.with(Map.of("identicalWarn", "4", "contextRed", "0.9",
                "claudeCompactAt", "150_000"));
        assertThat(t.identicalWarn()).isEqualTo(4);
        assertThat(t.contextRed()).isEqualTo(0.9);
        assertThat(t.claudeCompactAt()).isEqualTo(150_000L);
        assertThat(t.identicalCritical()).isEqualTo(5);
        assertThat(Thresholds.DEFAULTS.with(Map.of())).isEqualTo(Thresholds.DEFAULTS);
    }

    @Test
    void unknownNameOrBadValueIsAOneLineError() {
        assertThatThrownBy(() -> Thresholds.DEFAULTS.with(Map.of("nope", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown threshold: nope");
        assertThatThrownBy(() -> Thresholds.DEFAULTS.with(Map.of("hops", "two")))
                .hasMessage("threshold hops needs a number, not 'two'");
    }
}
