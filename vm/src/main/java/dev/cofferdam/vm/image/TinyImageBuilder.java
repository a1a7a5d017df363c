package dev.cofferdam.vm.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@code tiny} guest image: Debian's cloud kernel, and an initramfs holding static
 * busybox, the virtio modules, the init script and the exec agent (compiled here with gcc).
 * Not thread-safe: the image store serializes builds.
 */
final class TinyImageBuilder {
    /** What the guest needs; dependencies are added by {@link KernelModules}. */
    static final List<String> MODULES = List.of("virtio_mmio", "virtio_console", "virtio_net", "virtiofs");
    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final int STEPS = 5;

    /** Where the static exec agent is left in the work directory (the agent image copies it). */
    static final String AGENT_BINARY = "cofferdam-agent";

    private final Path downloads;
    private final List<String> modules;

    TinyImageBuilder(Path downloads) {
        this(downloads, MODULES);
    }

    /** @param modules the kernel modules the initramfs loads (dependencies are added) */
    TinyImageBuilder(Path downloads, List<String> modules) {
        this.downloads = downloads;
        this.modules = List.copyOf(modules);
    }

    /** Builds into {@code out} (an empty directory) and returns the kernel release. */
    String build(Path out, Path work, BuildListener listener) throws ImageException, IOException {
        checkTools();
        listener.progress("fetching the cloud kernel package", 0, STEPS);
        KernelPackage.Unpacked kernel = new KernelPackage(downloads).fetchAndUnpack(work.resolve("kernel"));
        listener.progress("resolving kernel modules", 1, STEPS);
        List<Path> moduleFiles = new KernelModules(kernel.moduleDir()).loadOrder(modules);
        listener.progress("compiling the guest agent", 2, STEPS);
        Path agent = compile(GuestSources.AGENT, work.resolve(AGENT_BINARY), work);
        compile(GuestSources.RELAY, out.resolve("cofferdam-relay"), work);
        listener.progress("writing the initramfs", 3, STEPS);
        writeInitramfs(out.resolve("initrd.gz"), moduleFiles, agent);
        Files.copy(kernel.vmlinuz(), out.resolve("vmlinuz"));
        listener.progress("done", STEPS, STEPS);
        return kernel.release();
    }

    private static void checkTools() throws ImageException, IOException {
        if (!HostCommand.onPath("gcc")) {
            throw new ImageException("gcc is not installed: apt-get install gcc libc6-dev");
        }
        if (!Files.isRegularFile(BUSYBOX)) {
            throw new ImageException("/bin/busybox is missing: apt-get install busybox-static");
        }
        String head = new String(Files.readAllBytes(BUSYBOX), 0, 4096, StandardCharsets.ISO_8859_1);
        if (head.contains("ld-linux")) {
            throw new ImageException("/bin/busybox is dynamically linked: apt-get install busybox-static");
        }
    }

    private static Path compile(String source, Path binary, Path work) throws IOException {
        Path src = work.resolve(source);
        Files.write(src, GuestSources.read(source));
        HostCommand.run(work, 120, List.of("gcc", "-static", "-Os", "-s", "-Wall", "-o", binary.toString(), src.toString()));
        return binary;
    }

    private static void writeInitramfs(Path target, List<Path> modules, Path agent) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path m : modules) {
            names.add(m.getFileName().toString().replace(".ko", ""));
        }
        String init = new String(GuestSources.read(GuestSources.INIT), StandardCharsets.UTF_8)
                .replace("@MODULES@", String.join(" ", names));
        try (OutputStream file = Files.newOutputStream(target); CpioWriter cpio = new CpioWriter(file)) {
            for (String d : List.of("bin", "sbin", "usr", "usr/bin", "usr/sbin", "lib", "lib/modules",
                    "proc", "sys", "dev", "etc", "root", "tmp", "run", "mnt")) {
                cpio.directory(d, d.equals("tmp") ? 01777 : 0755);
            }
            cpio.file("bin/busybox", 0755, Files.readAllBytes(BUSYBOX));
            for (String applet : HostCommand.run(null, 30, List.of(BUSYBOX.toString(), "--list")).split("\n")) {
                String a = applet.strip();
                if (!a.isEmpty() && !a.equals("busybox") && a.matches("[A-Za-z0-9_.\\[-]+")) {
                    cpio.symlink("bin/" + a, "busybox");
                }
            }
            for (Path m : modules) {
                cpio.file("lib/modules/" + m.getFileName(), 0644, Files.readAllBytes(m));
            }
            cpio.file("init", 0755, init.getBytes(StandardCharsets.UTF_8));
            cpio.file("sbin/cofferdam-agent", 0755, Files.readAllBytes(agent));
            cpio.file("etc/passwd", 0644, "root:x:0:0:root:/root:/bin/sh\n".getBytes(StandardCharsets.UTF_8));
            cpio.file("etc/group", 0644, "root:x:0:\n".getBytes(StandardCharsets.UTF_8));
        }
    }
}
