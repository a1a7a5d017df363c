package dev.cofferdam.vm.sandbox;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a sandbox is made of. Immutable.
 *
 * @param name      unique name: lower case letters, digits and dashes, at most 32
 * @param template  guest image template, e.g. {@code tiny}
 * @param cpus      vCPUs
 * @param memoryMiB guest memory
 * @param workspace host directory shared read-write at the same path in the guest, if any
 * @param cloneWorkspace share a private git clone of the workspace instead of the workspace itself;
 *                  the guest's changes come back as the branch {@code cofferdam/<name>}
 */
public record SandboxSpec(String name, String template, int cpus, int memoryMiB, Optional<Path> workspace,
                          boolean cloneWorkspace) {
    public static final int DEFAULT_CPUS = 1;
    public static final int DEFAULT_MEMORY_MIB = 256;

    public static SandboxSpec of(String name) {
        return new SandboxSpec(name, "tiny", DEFAULT_CPUS, DEFAULT_MEMORY_MIB, Optional.empty(), false);
    }

    public SandboxSpec withWorkspace(Path dir) {
        return new SandboxSpec(name, template, cpus, memoryMiB, Optional.of(dir), cloneWorkspace);
    }

    public SandboxSpec withClone(boolean on) {
        return new SandboxSpec(name, template, cpus, memoryMiB, workspace, on);
    }
}
