package dev.cofferdam.vm.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the {@code agent} guest image: the tiny image's kernel, relay and initramfs (with
 * {@code virtio_blk} added, so the init can mount a root disk), plus a Debian 13 minbase root file
 * system made by {@code debootstrap} from the host's configured apt mirror, holding git, Node.js 20,
 * npm and Python, the pinned agent CLIs ({@link AgentTool}: Claude Code, Codex, Gemini CLI) installed
 * globally with npm, and the same static exec agent; packed into a raw ext4 disk with
 * {@code mkfs.ext4 -d} (no loop mount). The guest keeps the host-built kernel (its modules load
 * from the initramfs before the switch to the root disk, so the root's release does not matter).
 * Needs root, for debootstrap. Not thread-safe: the image store serializes builds.
 */
final class AgentImageBuilder {
    /** Debian 13: its Node.js 20 meets Gemini CLI's {@code engines} (Debian 12 ships 18). */
    static final String SUITE = "trixie";
    static final List<String> PACKAGES = List.of("git", "nodejs", "npm", "python3", "ca-certificates");
    /**
     * What debootstrap installs itself; the rest goes in with apt-get inside the new root, because
     * debootstrap's resolver does not follow virtual packages, which npm's dependencies use.
     */
    static final List<String> BOOTSTRAP = List.of("git", "nodejs", "python3", "ca-certificates");
    static final List<String> MODULES = List.of("virtio_mmio", "virtio_console", "virtio_net", "virtiofs", "virtio_blk");
    /** Steps reported by the tiny builder before its own "done". */
    private static final int TINY_STEPS = 4;
    /** Steps besides the tiny builder's and one per tool: debootstrap, apt-get, agent, ext4. */
    private static final int OWN_STEPS = 4;

    /** What a build produced: the guest kernel's release and each installed tool's version. */
    record Built(String kernelRelease, Map<String, String> tools) {
    }

    private final Path downloads;
    private final Path etcApt;

    AgentImageBuilder(Path downloads, Path etcApt) {
        this.downloads = downloads;
        this.etcApt = etcApt;
    }

    /** Builds into {@code out} (an empty directory). */
    Built build(Path out, Path work, BuildListener listener) throws ImageException, IOException {
        checkHost();
        String mirror = AptMirror.find(etcApt, hostCodename().map(c -> List.of(SUITE, c)).orElse(List.of(SUITE)));
        List<AgentTool> tools = AgentTool.pinned();
        int total = TINY_STEPS + OWN_STEPS + tools.size();
        String release = new TinyImageBuilder(downloads, MODULES).build(out, work,
                (step, done, tinyTotal) -> {
                    if (done < tinyTotal) {
                        listener.progress(step, done, total);
                    }
                });
        Path rootfs = work.resolve("rootfs");
        Map<String, String> versions;
        try {
            versions = populateRoot(rootfs, work, mirror, tools, listener, total);
        } finally {
            ChrootMounts.release(rootfs);
        }
        int next = TINY_STEPS + 2 + tools.size();
        listener.progress("installing the exec agent", next, total);
        finishRootfs(rootfs, work.resolve(TinyImageBuilder.AGENT_BINARY));
        listener.progress("writing the ext4 disk", next + 1, total);
        RootDisk.pack(rootfs, out.resolve(GuestImage.DISK), "cofferdam-agent", work);
        listener.progress("done", total, total);
        return new Built(release, versions);
    }

    /** debootstrap, apt-get and the npm tools; returns each tool's installed version. */
    private static Map<String, String> populateRoot(Path rootfs, Path work, String mirror, List<AgentTool> tools,
            BuildListener listener, int total) throws ImageException, IOException {
        listener.progress("debootstrap " + SUITE + " minbase with " + String.join(",", BOOTSTRAP)
                + " (takes minutes)", TINY_STEPS, total);
        HostCommand.run(work, 1800, List.of("debootstrap", "--variant=minbase",
                "--include=" + String.join(",", BOOTSTRAP), SUITE, rootfs.toString(), mirror));
        List<String> rest = PACKAGES.stream().filter(p -> !BOOTSTRAP.contains(p)).toList();
        listener.progress("apt-get install " + String.join(" ", rest), TINY_STEPS + 1, total);
        List<String> install = new ArrayList<>(List.of("chroot", rootfs.toString(), "env",
                "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q", "--no-install-recommends"));
        install.addAll(rest);
        HostCommand.run(work, 1800, install);
        HostCommand.run(work, 300, List.of("chroot", rootfs.toString(), "apt-get", "clean"));
        ChrootNpm npm = ChrootNpm.prepare(rootfs, work);
        try {
            return npm.installAll(tools, listener, TINY_STEPS + 2, total);
        } finally {
            npm.cleanup();
        }
    }

    /** The host's Debian release name, whose configured mirror also serves {@link #SUITE}. */
    private static Optional<String> hostCodename() throws IOException {
        Path osRelease = Path.of("/etc/os-release");
        if (!Files.isRegularFile(osRelease)) {
            return Optional.empty();
        }
        return Files.readAllLines(osRelease).stream().filter(l -> l.startsWith("VERSION_CODENAME="))
                .map(l -> l.substring("VERSION_CODENAME=".length()).replace("\"", "").strip())
                .filter(c -> !c.isEmpty()).findFirst();
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
