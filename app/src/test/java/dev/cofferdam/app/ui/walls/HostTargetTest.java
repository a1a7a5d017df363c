package dev.cofferdam.app.ui.walls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostTargetTest {
    @Test
    void readsHostAndPortLikePolicyCheck() {
        assertThat(HostTarget.parse("API.Example.com.")).satisfies(t -> {
            assertThat(t.host().text()).isEqualTo("api.example.com");
            assertThat(t.port()).isEqualTo(443);
        });
        assertThat(HostTarget.parse(" git.example:8443 ").port()).isEqualTo(8443);
        assertThat(HostTarget.parse("0x7f.1:22").host().text()).isEqualTo("127.0.0.1");
        assertThat(HostTarget.parse("[::ffff:169.254.169.254]:80").host().text()).isEqualTo("169.254.169.254");
        assertThat(HostTarget.parse("[2001:db8::1]").port()).isEqualTo(443);
    }

    @Test
    void badInputGetsAOneLineReason() {
        assertThatThrownBy(() -> HostTarget.parse("  ")).hasMessageStartingWith("type a host");
        assertThatThrownBy(() -> HostTarget.parse("a.example:0")).hasMessage("invalid port '0'");
        assertThatThrownBy(() -> HostTarget.parse("a.example:http")).hasMessage("invalid port 'http'");
        assertThatThrownBy(() -> HostTarget.parse("bad host")).hasMessageStartingWith("invalid host 'bad host'");
    }
}
