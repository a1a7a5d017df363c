package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.qemu.DetachedProcess;
import dev.cofferdam.vm.qemu.HostInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts QEMU's virtiofsd for one sandbox's workspace. It sandboxes itself (namespaces and
 * pivot_root into the shared directory), so symbolic links can never lead the guest outside it.
 * It exits by itself when its QEMU disconnects. Stateless and thread-safe.
 */
final class Virtiofsd {
    static final Path BINARY = Path.of("/usr/lib/qemu/virtiofsd");

    private Virtiofsd() {
    }

    static Path socket(Path runDir) {
        return runDir.resolve("fs.sock");
    }

    /** Starts it and waits for its socket; returns its pid. */
    static long start(Path workspace, Path runDir) throws SandboxException, IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new SandboxException(BINARY + " is missing: apt-get install qemu-system-common", false, null);
        }
        if (!HostInfo.isRoot()) {
            throw new SandboxException("sharing a workspace needs root: virtiofsd sandboxes itself with namespaces"
                    + " (run as root, or create the sandbox without --workspace)", false, null);
        }
        Path sock = socket(runDir);
        Files.deleteIfExists(sock);
        long pid = DetachedProcess.start(List.of(BINARY.toString(), "--socket-path=" + sock,
                "-o", "source=" + workspace, "-o", "cache=auto", "-o", "sandbox=namespace",
                "-o", "log_level=warn"), runDir.resolve("virtiofsd.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Files.exists(sock)) {
            if (!DetachedProcess.isAlive(pid, BINARY.toString()) || System.nanoTime() > deadline) {
                DetachedProcess.kill(pid, BINARY.toString(), Duration.ofMillis(200));
                String log = Files.exists(runDir.resolve("virtiofsd.log"))
                        ? Files.readString(runDir.resolve("virtiofsd.log")).strip() : "";
                throw new SandboxException("virtiofsd did not start" + (log.isEmpty() ? "" : ": " + log.lines()
                        .reduce((a, b) -> b).orElse("")), false, null);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting virtiofsd", e);
            }
        }
        return pid;
    }
}
