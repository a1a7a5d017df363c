package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.qemu.DetachedProcess;
import dev.cofferdam.vm.qemu.ProcessStats;
import dev.cofferdam.vm.qemu.QmpClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads a sandbox's live state: whether its QEMU is alive and answers QMP, and its CPU and
 * memory use from /proc (the whole process, and the vCPU threads QMP names). Stateless, thread-safe.
 */
final class SandboxMonitor {
    static final Duration QMP_TIMEOUT = Duration.ofSeconds(2);

    private SandboxMonitor() {
    }

    /**
     * The vCPU thread ids if its QEMU is alive (same pid and command line) and QMP says it runs.
     */
    static Optional<List<Long>> running(SandboxRecord r, Path runDir) {
        if (!DetachedProcess.isAlive(r.qemuPid(), VmLauncher.marker(r.name()))) {
            return Optional.empty();
        }
        try (QmpClient qmp = QmpClient.connect(runDir.resolve("qmp.sock"), QMP_TIMEOUT)) {
            return "running".equals(qmp.status()) ? Optional.of(qmp.vcpuThreadIds()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static SandboxInfo info(SandboxRecord r, Path runDir) {
        Optional<List<Long>> vcpus = r.wantRunning() ? running(r, runDir) : Optional.empty();
        SandboxState state = !r.wantRunning() ? SandboxState.STOPPED
                : vcpus.isPresent() ? SandboxState.RUNNING : SandboxState.CRASHED;
        long uptime = 0;
        double cpu = 0;
        double vcpu = 0;
        long rss = 0;
        long pid = 0;
        if (vcpus.isPresent()) {
            pid = r.qemuPid();
            uptime = Math.max(1, System.currentTimeMillis() - r.startedMs());
            Optional<ProcessStats> stats = ProcessStats.of(pid);
            if (stats.isPresent()) {
                cpu = 100.0 * stats.get().cpuMillis() / uptime;
                rss = stats.get().rssKiB();
            }
            long vcpuMillis = 0;
            for (long tid : vcpus.get()) {
                vcpuMillis += Math.max(0, ProcessStats.threadCpuMillis(pid, tid));
            }
            vcpu = 100.0 * vcpuMillis / uptime;
        }
        return new SandboxInfo(r.name(), state, r.spec().template(), r.spec().cpus(), r.spec().memoryMiB(),
                r.spec().workspace().map(Path::toString), r.spec().cloneWorkspace(), r.accelerator(), r.accelNote(),
                pid, uptime, cpu, vcpu, rss);
    }

    /** Ends the VM's processes (power-off through the agent, then QMP quit, then signals). */
    static void shutdown(SandboxRecord r, Path runDir) {
        String marker = VmLauncher.marker(r.name());
        if (DetachedProcess.isAlive(r.qemuPid(), marker)) {
            boolean gone = false;
            // Keep the channel open until QEMU exits: the agent ignores a port whose host left.
            try (AgentChannel ch = AgentChannel.open(VmLauncher.execSockets(runDir))) {
                ch.powerOff();
                gone = DetachedProcess.waitGone(r.qemuPid(), marker, Duration.ofSeconds(2));
            } catch (IOException e) {
                // no free or answering channel: QMP and signals below still end it
            }
            if (!gone) {
                try (QmpClient qmp = QmpClient.connect(runDir.resolve("qmp.sock"), QMP_TIMEOUT)) {
                    qmp.quit();
                } catch (IOException e) {
                    // QMP gone too: the signals below end it
                }
            }
            DetachedProcess.kill(r.qemuPid(), marker, Duration.ofSeconds(1));
        }
        DetachedProcess.kill(r.virtiofsdPid(), Virtiofsd.BINARY.toString(), Duration.ofSeconds(1));
    }
}
