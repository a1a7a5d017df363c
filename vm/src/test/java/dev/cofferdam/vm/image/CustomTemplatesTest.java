package dev.cofferdam.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failed template builds leave nothing, and a build first clears what a killed one left. */
class CustomTemplatesTest {
    @TempDir
    Path cache;

    /** A root file system source whose tree has no shell (a real unpack of two files). */
    private static final class FilesOnly implements RootfsSource {
        @Override
        public String name() {
            return "files-only:1";
        }

        @Override
        public String key() {
            return "sha256:" + "1".repeat(64);
        }

        @Override
        public String describe() {
            return "test files-only:1";
        }

        @Override
        public void unpack(Path rootfs, Path work) throws IOException {
            Files.createDirectories(rootfs.resolve("etc"));
            Files.writeString(rootfs.resolve("etc/motd"), "hi\n");
            Files.createSymbolicLink(rootfs.resolve("bin"), Path.of("/usr/bin"));
        }
    }

    @Test
    void aTreeWithoutShellIsRefusedAndLeftoversOfAKilledBuildAreSwept() throws Exception {
        Path stale = Files.createDirectories(cache.resolve(".work-123/rootfs/etc"));
        Files.writeString(stale.resolve("passwd"), "x");
        Files.createDirectories(cache.resolve(".out-456"));
        Files.createDirectories(cache.resolve(".old-shop-abc-789"));
        Files.createDirectories(cache.resolve("shop-0123456789ab"));

        ImageStore store = new ImageStore(cache);
        assertThatThrownBy(() -> store.buildFrom("files-only", new FilesOnly(), false, BuildListener.NONE))
                .isInstanceOf(ImageInputException.class)
                .hasMessage("image files-only:1 has no /bin/sh: sandboxes need a shell; base it on an image with one");
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(".build.lock", "shop-0123456789ab");
        }
        assertThat(store.find("files-only")).isEmpty();
    }
}
