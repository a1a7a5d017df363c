package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.vm.image.HostCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guest's CA bundle script, run by the host's sh on real files, and the variables pointing at it. */
class GuestTrustTest {
    private static final String SYSTEM = "-----BEGIN CERTIFICATE-----\nsystem root\n-----END CERTIFICATE-----\n";
    private static final String OURS = "-----BEGIN CERTIFICATE-----\ncofferdam\n-----END CERTIFICATE-----\n";

    @TempDir
    Path dir;

    @Test
    void theBundleHoldsTheSystemRootsThenTheCa() throws Exception {
        Path system = Files.writeString(dir.resolve("ca-certificates.crt"), SYSTEM);
        Path ca = Files.writeString(dir.resolve("cofferdam-ca.pem"), OURS);
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, "stale content from the last boot");
        HostCommand.run(dir, 30, GuestTrust.bundleCommand(system.toString(), ca.toString(), bundle.toString()));
        assertThat(bundle).hasContent(SYSTEM + OURS);
        assertThat(dir.resolve("bundle.pem.tmp")).doesNotExist();
    }

    @Test
    void withoutASystemBundleTheCaStandsAlone() throws Exception {
        Path ca = Files.writeString(dir.resolve("cofferdam-ca.pem"), OURS);
        Path bundle = dir.resolve("bundle.pem");
        HostCommand.run(dir, 30, GuestTrust.bundleCommand(dir.resolve("absent.crt").toString(), ca.toString(),
                bundle.toString()));
        assertThat(bundle).hasContent(OURS);
    }

    @Test
    void toolsReadTheBundleAndNodeReadsTheCaOnTopOfItsOwnRoots() {
        assertThat(GuestTrust.environment())
                .containsEntry("SSL_CERT_FILE", GuestTrust.BUNDLE_FILE)
                .containsEntry("REQUESTS_CA_BUNDLE", GuestTrust.BUNDLE_FILE)
                .containsEntry("CURL_CA_BUNDLE", GuestTrust.BUNDLE_FILE)
                .containsEntry("GIT_SSL_CAINFO", GuestTrust.BUNDLE_FILE)
                .containsEntry("NODE_EXTRA_CA_CERTS", GuestTrust.CA_FILE);
        assertThat(GuestTrust.bundleCommand()).contains(GuestTrust.SYSTEM_BUNDLE, GuestTrust.CA_FILE, GuestTrust.BUNDLE_FILE);
    }
}
