package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.qemu.Accelerator;
import java.util.Optional;

/**
 * A sandbox's state and resource use at one moment. Immutable.
 *
 * @param name        sandbox name
 * @param state       running, stopped or crashed
 * @param template    guest template
 * @param cpus        vCPUs
 * @param memoryMiB   guest memory
 * @param workspace   shared host directory, empty if none
 * @param cloned      whether the guest works on a private clone of the workspace
 * @param accelerator KVM or TCG
 * @param warning     a note for the user, e.g. why it runs under slow TCG; empty if none
 * @param pid         QEMU pid while running, else 0
 * @param uptimeMs    time since start while running, else 0
 * @param cpuPercent  QEMU's average CPU use since start (100 = one host core)
 * @param vcpuPercent the part of it spent in the vCPU threads (guest code), same scale
 * @param rssKiB      QEMU's resident memory
 */
public record SandboxInfo(String name, SandboxState state, String template, int cpus, int memoryMiB,
                          Optional<String> workspace, boolean cloned, Accelerator accelerator, String warning,
                          long pid, long uptimeMs, double cpuPercent, double vcpuPercent, long rssKiB) {
}
