package dev.cofferdam.vm.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the {@code agent} guest image: the tiny image's kernel, relay and initramfs (with
 * {@code virtio_blk} added, so the init can mount a root disk), plus a Debian 12 minbase root file
 * system made by {@code debootstrap} from the host's configured apt mirror, holding git, Node.js,
 * npm and Python, and the same static exec agent; packed into a raw ext4 disk with
 * {@code mkfs.ext4 -d} (no loop mount). Needs root, for debootstrap. Not thread-safe: the image
 * store serializes builds.
 */
final class AgentImageBuilder {
    static final String SUITE = "bookworm";
    static final List<String> PACKAGES = List.of("git", "nodejs", "npm", "python3", "ca-certificates");
    /**
     * What debootstrap installs itself; the rest goes in with apt-get inside the new root, because
     * debootstrap's resolver does not follow virtual packages, which npm's dependencies use.
     */
    static final List<String> BOOTSTRAP = List.of("git", "nodejs", "python3", "ca-certificates");
    static final List<String> MODULES = List.of("virtio_mmio", "virtio_console", "virtio_net", "virtiofs", "virtio_blk");
    /** Steps reported by the tiny builder before its own "done". */
    private static final int TINY_STEPS = 4;
    private static final int STEPS = TINY_STEPS + 4;

    private final Path downloads;
    private final Path etcApt;

    AgentImageBuilder(Path downloads, Path etcApt) {
        this.downloads = downloads;
        this.etcApt = etcApt;
    }

    /** Builds into {@code out} (an empty directory) and returns the kernel release. */
    String build(Path out, Path work, BuildListener listener) throws ImageException, IOException {
        checkHost();
        String mirror = AptMirror.find(etcApt, SUITE);
        String release = new TinyImageBuilder(downloads, MODULES).build(out, work,
                (step, done, total) -> {
                    if (done < total) {
                        listener.progress(step, done, STEPS);
                    }
                });
        Path rootfs = work.resolve("rootfs");
        listener.progress("debootstrap " + SUITE + " minbase with " + String.join(",", BOOTSTRAP)
                + " (takes minutes)", TINY_STEPS, STEPS);
        try {
            HostCommand.run(work, 1800, List.of("debootstrap", "--variant=minbase",
                    "--include=" + String.join(",", BOOTSTRAP), SUITE, rootfs.toString(), mirror));
            List<String> rest = PACKAGES.stream().filter(p -> !BOOTSTRAP.contains(p)).toList();
            listener.progress("apt-get install " + String.join(" ", rest), TINY_STEPS + 1, STEPS);
            List<String> install = new java.util.ArrayList<>(List.of("chroot", rootfs.toString(), "env",
                    "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q", "--no-install-recommends"));
            install.addAll(rest);
            HostCommand.run(work, 1800, install);
            HostCommand.run(work, 300, List.of("chroot", rootfs.toString(), "apt-get", "clean"));
        } finally {
            ChrootMounts.release(rootfs);
        }
        listener.progress("installing the exec agent", TINY_STEPS + 2, STEPS);
        finishRootfs(rootfs, work.resolve(TinyImageBuilder.AGENT_BINARY));
        listener.progress("writing the ext4 disk", TINY_STEPS + 3, STEPS);
        RootDisk.pack(rootfs, out.resolve(GuestImage.DISK), "cofferdam-agent", work);
        listener.progress("done", STEPS, STEPS);
        return release;
    }

    private static void checkHost() throws ImageException, IOException {
        if (!"0".equals(HostCommand.run(null, 10, List.of("id", "-u")).strip())) {
            throw new ImageException("building the agent image needs root (debootstrap): run `sudo cofferdam image build agent`");
        }
        for (String tool : List.of("debootstrap", "mkfs.ext4")) {
            if (!HostCommand.onPath(tool) && !HostCommand.onPath("/usr/sbin/" + tool)) {
                throw new ImageException(tool + " is not installed: apt-get install debootstrap e2fsprogs");
            }
        }
    }

    private static void finishRootfs(Path rootfs, Path agent) throws IOException {
        RootDisk.finish(rootfs, agent);
        Path archives = rootfs.resolve("var/cache/apt/archives");
        if (Files.isDirectory(archives)) {
            try (Stream<Path> s = Files.list(archives)) {
                for (Path deb : s.filter(p -> p.toString().endsWith(".deb")).toList()) {
                    Files.delete(deb);
                }
            }
        }
    }
}
