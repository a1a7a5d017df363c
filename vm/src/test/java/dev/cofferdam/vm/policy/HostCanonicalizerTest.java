package dev.cofferdam.vm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HostCanonicalizerTest {

    @ParameterizedTest
    @CsvSource({
        "allowed.example., allowed.example",
        "ALLOWED.Example, allowed.example",
        "2130706433, 127.0.0.1",
        "0x7f.1, 127.0.0.1",
        "0177.0.0.1, 127.0.0.1",
        "127.1, 127.0.0.1",
        "0x7f000001, 127.0.0.1",
        "169.254.169.254., 169.254.169.254",
        "[::ffff:169.254.169.254], 169.254.169.254",
        "[::FFFF:a9fe:a9fe], 169.254.169.254",
        "[2001:DB8:0:0::1], 2001:db8:0:0:0:0:0:1",
        "xn--bcher-kva.example, xn--bcher-kva.example",
    })
    void canonicalizesBeforeMatching(String raw, String expected) throws Exception {
        assertThat(HostCanonicalizer.fromWire(raw).text()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"allowed.example\u0000.evil.example", "allowed.example\r\n", "evil\n.example",
        "[::ffff:1.2.3.4%x.allowed.example]", "[fe80::1%eth0]", "::ffff:1.2.3.4%25x", "allowed.example:443.evil.example",
        "bücher.example", "1.2.3.4.5", "256.1.1.1", "1.2.3.0x100", "a..example", "[::1", "ev il.example",
        "allowed.example%2eevil.example", "[zz::1]"})
    void rejectsMalformedHosts(String raw) {
        assertThatThrownBy(() -> HostCanonicalizer.fromWire(raw)).isInstanceOf(HostSyntaxException.class);
    }

    @Test
    void userInputIsConvertedToPunycode() throws Exception {
        assertThat(HostCanonicalizer.fromUser("Bücher.Example.").text()).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void nulMessageNamesThePosition() {
        assertThatThrownBy(() -> HostCanonicalizer.fromWire("ab\u0000c"))
                .hasMessageContaining("position 3");
    }
}
