package dev.cofferdam.vm.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The session key derivation against RFC 5869's own test vector (SHA-256, no salt, no info). */
class KeychainSessionTest {

    @Test
    void hkdfMatchesRfc5869TestCase3() throws Exception {
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        assertThat(HexFormat.of().formatHex(KeychainSession.hkdfSha256(ikm, 16)))
                .isEqualTo("8da4e775a563c18f715f802a063c5a31");
    }

    @Test
    void ourPublicValueIsUnsignedAndFitsTheGroup() throws Exception {
        byte[] pub = KeychainSession.offer().publicKey();
        assertThat(pub.length).isBetween(1, 128);
        assertThat(pub[0]).isNotZero();
    }
}
