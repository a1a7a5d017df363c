package dev.cofferdam.app.cli;

import dev.cofferdam.vm.sandbox.SandboxSpec;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by {@code sandbox create} and {@code sandbox run}. */
final class SandboxOptions {
    @Option(names = "--template", defaultValue = "tiny",
            description = "Guest template: tiny (busybox), agent (Debian 13 with git, Node.js, Python and the Claude Code,"
                    + " Codex and Gemini CLIs) or one built from an OCI image with `cofferdam image build"
                    + " --from-docker|--dockerfile` (default: ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--cpus", defaultValue = "1", description = "vCPUs (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--memory", defaultValue = "256", description = "Guest memory in MiB (default: ${DEFAULT-VALUE}).")
    int memoryMiB;

    @Option(names = "--workspace", paramLabel = "PATH",
            description = "Host directory mounted read-write at the same path in the guest.")
    Path workspace;

    @Option(names = "--clone", description = "Give the guest a private git clone of the workspace; its changes come back"
            + " as branch cofferdam/NAME on stop or rm.")
    boolean clone;

    SandboxSpec spec(String name) {
        Optional<Path> ws = Optional.ofNullable(workspace).map(p -> p.toAbsolutePath().normalize());
        return new SandboxSpec(name, template, cpus, memoryMiB, ws, clone);
    }
}
