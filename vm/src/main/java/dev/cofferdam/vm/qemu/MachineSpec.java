package dev.cofferdam.vm.qemu;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to start one microVM. Immutable.
 *
 * @param name           guest host name (the sandbox name)
 * @param cpus           vCPUs
 * @param memoryMiB      guest memory
 * @param accelerator    KVM or TCG
 * @param tscKhz         host TSC kHz, passed to TCG guests
 * @param kernel         guest kernel
 * @param initrd         guest initramfs
 * @param runDir         where the sockets and the console log go (short path: Unix sockets are limited to 107 bytes)
 * @param execPorts      number of exec channel ports
 * @param virtiofsSocket vhost-user socket of the workspace's virtiofsd, if a workspace is shared
 * @param relayCommand   the command QEMU runs per guest connection to the egress address
 * @param rootDisk       a qcow2 root disk (the sandbox's overlay on the agent image), if the guest boots from one
 */
public record MachineSpec(String name, int cpus, int memoryMiB, Accelerator accelerator, long tscKhz,
                          Path kernel, Path initrd, Path runDir, int execPorts,
                          Optional<Path> virtiofsSocket, List<String> relayCommand, Optional<Path> rootDisk) {
    /** The guest's only route out: the egress proxy's address inside the user-mode network. */
    public static final String EGRESS_ADDRESS = "10.0.2.100";
    public static final int EGRESS_PORT = 3128;
    /** The virtiofs tag the guest mounts. */
    public static final String WORKSPACE_TAG = "workspace";

    public MachineSpec {
        Objects.requireNonNull(virtiofsSocket);
        relayCommand = List.copyOf(relayCommand);
        Objects.requireNonNull(rootDisk);
    }

    /** A machine that runs from its initramfs, with no root disk. */
    public MachineSpec(String name, int cpus, int memoryMiB, Accelerator accelerator, long tscKhz,
                       Path kernel, Path initrd, Path runDir, int execPorts,
                       Optional<Path> virtiofsSocket, List<String> relayCommand) {
        this(name, cpus, memoryMiB, accelerator, tscKhz, kernel, initrd, runDir, execPorts, virtiofsSocket,
                relayCommand, Optional.empty());
    }

    public Path qmpSocket() {
        return runDir.resolve("qmp.sock");
    }

    public Path execSocket(int port) {
        return runDir.resolve("exec" + port + ".sock");
    }

    public Path consoleLog() {
        return runDir.resolve("console.log");
    }

    public Path pidFile() {
        return runDir.resolve("qemu.pid");
    }
}
