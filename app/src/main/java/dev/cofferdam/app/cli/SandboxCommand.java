package dev.cofferdam.app.cli;

import picocli.CommandLine.Command;

/** {@code cofferdam sandbox ...}: microVM sandboxes, with verbs like Docker Sandboxes' {@code sbx}. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Create, run and manage microVM sandboxes (QEMU microvm, own kernel).",
        subcommands = {
            SandboxCreateCommand.class,
            SandboxRunCommand.class,
            SandboxLsCommand.class,
            SandboxExecCommand.class,
            SandboxStopCommand.class,
            SandboxStartCommand.class,
            SandboxRmCommand.class,
            SandboxLogsCommand.class,
            SandboxCpCommand.class,
        })
public final class SandboxCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
