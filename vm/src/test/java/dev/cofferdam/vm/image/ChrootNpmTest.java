package dev.cofferdam.vm.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging the host's trusted certificates in a root being built, for the chroot's npm. */
class ChrootNpmTest {
    @TempDir
    Path dir;

    @Test
    void theRootsOwnRootsComeFirstThenEachReadableHostFile() throws Exception {
        Path rootfs = dir.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("etc/ssl/certs"));
        Files.writeString(rootfs.resolve("etc/ssl/certs/ca-certificates.crt"), "public roots\n");
        Path cafile = Files.writeString(dir.resolve("host-cafile.pem"), "host cafile\n");
        Path extra = Files.writeString(dir.resolve("extra.pem"), "host extra\n");
        assertThat(ChrootNpm.stageCertificates(rootfs, List.of(cafile, dir.resolve("missing.pem"), extra))).isTrue();
        assertThat(rootfs.resolve(ChrootNpm.BUILD_CA)).hasContent("public roots\nhost cafile\nhost extra\n");
        // A second build in the same root starts over rather than appending.
        assertThat(ChrootNpm.stageCertificates(rootfs, List.of(extra))).isTrue();
        assertThat(rootfs.resolve(ChrootNpm.BUILD_CA)).hasContent("public roots\nhost extra\n");
    }

    @Test
    void withoutAnyReadableHostFileNothingIsStaged() throws Exception {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        assertThat(ChrootNpm.stageCertificates(rootfs, List.of(dir.resolve("missing.pem")))).isFalse();
        assertThat(rootfs.resolve(ChrootNpm.BUILD_CA)).doesNotExist();
    }
}
