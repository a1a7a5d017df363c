package dev.cofferdam.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finishing an untrusted root tree: links in it are followed inside it, never out to the host. */
class RootDiskTest {
    @TempDir
    Path tmp;

    @Test
    void absoluteAndDotDotLinksStayInsideTheRoot() throws IOException {
        Path host = Files.createDirectories(tmp.resolve("host-etc"));
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
        Files.createSymbolicLink(rootfs.resolve("etc"), host.toAbsolutePath());
        Files.createSymbolicLink(rootfs.resolve("usr"), Path.of("../../../../host-usr"));
        Path agent = Files.writeString(tmp.resolve("agent"), "binary");

        RootDisk.finish(rootfs, agent);

        assertThat(host).isEmptyDirectory();
        assertThat(tmp.resolve("host-usr")).doesNotExist();
        Path inside = rootfs.resolve(host.toString().substring(1));
        assertThat(inside.resolve("hostname")).hasContent("sandbox");
        assertThat(inside.resolve("resolv.conf")).isEmptyFile();
        assertThat(rootfs.resolve("host-usr/sbin/cofferdam-agent")).hasContent("binary").isExecutable();
        assertThat(rootfs.resolve("proc")).isDirectory();
        assertThat(Files.getAttribute(rootfs.resolve("root"), "unix:mode")).as("HOME and default cwd").isEqualTo(040700);
    }

    @Test
    void aLinkReplacesNotFollowsAtTheFinalName() throws IOException {
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs").resolve("etc")).getParent();
        Path outside = Files.writeString(tmp.resolve("outside-resolv"), "nameserver 192.0.2.1\n");
        Files.createSymbolicLink(rootfs.resolve("etc/resolv.conf"), outside.toAbsolutePath());
        RootDisk.finish(rootfs, Files.writeString(tmp.resolve("agent"), "binary"));
        assertThat(outside).hasContent("nameserver 192.0.2.1");
        assertThat(rootfs.resolve("etc/resolv.conf")).isRegularFile().isEmptyFile();
        assertThat(Files.getAttribute(rootfs.resolve("tmp"), "unix:mode")).as("mount point for the init's /tmp")
                .isEqualTo(041777);
    }

    @Test
    void resolveFollowsLinksLikeTheGuest() throws IOException {
        Path rootfs = Files.createDirectories(tmp.resolve("r").resolve("usr/bin"));
        rootfs = rootfs.getParent().getParent();
        Files.createSymbolicLink(rootfs.resolve("bin"), Path.of("usr/bin"));
        Files.writeString(rootfs.resolve("usr/bin/busybox"), "x");
        Files.createSymbolicLink(rootfs.resolve("usr/bin/sh"), Path.of("/bin/busybox"));
        assertThat(RootedPath.resolve(rootfs, "bin/sh")).contains(rootfs.toAbsolutePath().resolve("usr/bin/busybox"));
        assertThat(RootedPath.resolve(rootfs, "bin/bash")).isEmpty();
        Files.createSymbolicLink(rootfs.resolve("loop"), Path.of("/loop"));
        Path r = rootfs;
        assertThatThrownBy(() -> RootedPath.resolve(r, "loop/x")).hasMessageContaining("too many symbolic links");
    }
}
