package dev.cofferdam.vm.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpioWriterTest {
    @TempDir
    Path dir;

    /** The archive is read back by the system's own cpio, the same newc reader as the kernel's format. */
    @Test
    void writesAnArchiveThatCpioExtracts() throws Exception {
        Path archive = dir.resolve("a.cpio.gz");
        try (OutputStream out = Files.newOutputStream(archive); CpioWriter w = new CpioWriter(out)) {
            w.directory("bin", 0755);
            w.file("bin/tool", 0755, "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));
            w.file("odd", 0640, new byte[] {1, 2, 3});
            w.symlink("bin/alias", "tool");
        }
        Path x = Files.createDirectories(dir.resolve("x"));
        HostCommand.run(x, 30, List.of("sh", "-c", "gzip -dc " + archive + " | cpio -idm --quiet"));
        assertThat(Files.readString(x.resolve("bin/tool"))).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(Files.isExecutable(x.resolve("bin/tool"))).isTrue();
        assertThat(Files.readAllBytes(x.resolve("odd"))).containsExactly(1, 2, 3);
        assertThat(Files.readSymbolicLink(x.resolve("bin/alias"))).isEqualTo(Path.of("tool"));
    }
}
