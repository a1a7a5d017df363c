package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.image.GuestImage;
import dev.cofferdam.vm.qemu.AcceleratorProbe;
import dev.cofferdam.vm.qemu.ConsoleLog;
import dev.cofferdam.vm.qemu.DetachedProcess;
import dev.cofferdam.vm.qemu.HostInfo;
import dev.cofferdam.vm.qemu.MachineSpec;
import dev.cofferdam.vm.qemu.QemuCommandLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots one sandbox's microVM: virtiofsd for the workspace, QEMU, then waits until the guest
 * agent answers and mounts the workspace. On failure everything it started is ended.
 * Stateless and thread-safe.
 */
final class VmLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(VmLauncher.class);
    static final int EXEC_PORTS = 4;
    static final int CONSOLE_TAIL_LINES = 40;

    /** What a successful boot left running. */
    record Running(long qemuPid, long virtiofsdPid) {
    }

    private VmLauncher() {
    }

    static String marker(String name) {
        return "-name cofferdam-" + name + " ";
    }

    static List<Path> execSockets(Path runDir) {
        List<Path> list = new ArrayList<>();
        for (int i = 0; i < EXEC_PORTS; i++) {
            list.add(runDir.resolve("exec" + i + ".sock"));
        }
        return list;
    }

    /**
     * @param shared the host directory virtiofsd serves: the workspace, or its private clone
     */
    static Running boot(SandboxSpec spec, Optional<Path> shared, GuestImage image, AcceleratorProbe.Verdict accel,
                        HostInfo host, Path runDir, String relayEndpoint, Duration timeout)
            throws SandboxException, IOException {
        Files.createDirectories(runDir);
        long virtiofsd = 0;
        long qemu = 0;
        boolean ok = false;
        try {
            Optional<Path> fsSock = Optional.empty();
            if (shared.isPresent()) {
                virtiofsd = Virtiofsd.start(shared.get(), runDir);
                fsSock = Optional.of(Virtiofsd.socket(runDir));
            }
            MachineSpec m = new MachineSpec(spec.name(), spec.cpus(), spec.memoryMiB(), accel.accelerator(),
                    host.tscKhz().orElse(0), image.kernel(), image.initrd(), runDir, EXEC_PORTS, fsSock,
                    List.of(image.relay().toString(), relayEndpoint), RootOverlay.prepare(image, runDir.getParent()));
            Files.deleteIfExists(m.consoleLog());
            for (Path s : execSockets(runDir)) {
                Files.deleteIfExists(s);
            }
            Files.deleteIfExists(m.qmpSocket());
            qemu = DetachedProcess.start(QemuCommandLine.build(m), runDir.resolve("qemu.log"));
            waitForAgent(spec.name(), qemu, runDir, m.consoleLog(), timeout);
            if (spec.workspace().isPresent()) {
                mountWorkspace(spec.name(), runDir, spec.workspace().get().toString());
            }
            ok = true;
            return new Running(qemu, virtiofsd);
        } finally {
            if (!ok) {
                DetachedProcess.kill(qemu, marker(spec.name()), Duration.ofMillis(500));
                DetachedProcess.kill(virtiofsd, Virtiofsd.BINARY.toString(), Duration.ofMillis(500));
            }
        }
    }

    private static void waitForAgent(String name, long pid, Path runDir, Path console, Duration timeout)
            throws SandboxException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path sock = runDir.resolve("exec0.sock");
        while (System.nanoTime() < deadline) {
            if (!DetachedProcess.isAlive(pid, marker(name))) {
                throw new SandboxException("QEMU of sandbox " + name + " exited during boot: " + qemuError(runDir)
                        + "\n" + ConsoleLog.tail(console, CONSOLE_TAIL_LINES), false, null);
            }
            if (Files.exists(sock)) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                try (AgentChannel ch = AgentChannel.open(List.of(sock))) {
                    ch.ping(Duration.ofMillis(left));
                    return;
                } catch (IOException e) {
                    LOG.debug("agent of {} not answering yet: {}", name, e.getMessage());
                }
            }
            sleep(10);
        }
        throw new SandboxException("sandbox " + name + " did not boot within " + timeout.toSeconds()
                + " s; last console lines:\n" + ConsoleLog.tail(console, CONSOLE_TAIL_LINES), false, null);
    }

    private static void mountWorkspace(String name, Path runDir, String path) throws SandboxException, IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecRequest mount = ExecRequest.of("sh", "-c", "mkdir -p \"$1\" && mount -t virtiofs "
                + MachineSpec.WORKSPACE_TAG + " \"$1\"", "sh", path);
        ExecResult r = ExecSession.start(AgentChannel.open(execSockets(runDir)), name, mount, Map.of("PATH", "/bin:/sbin"),
                "/", (isErr, data, len) -> err.write(data, 0, len),
                e -> new SandboxException("mounting the workspace in the guest failed: " + e.getMessage(), false, e))
                .runToExit(null);
        if (r.exitCode() != 0) {
            throw new SandboxException("mounting the workspace in the guest failed: " + err.toString().strip(), false, null);
        }
    }

    private static String qemuError(Path runDir) {
        try {
            Path log = runDir.resolve("qemu.log");
            return Files.exists(log) ? Files.readString(log).strip().lines().reduce((a, b) -> b).orElse("") : "";
        } catch (IOException e) {
            return "";
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
