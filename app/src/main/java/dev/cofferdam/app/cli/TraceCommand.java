package dev.cofferdam.app.cli;

import picocli.CommandLine.Command;

/** {@code cofferdam trace}: what the agent actually did, from its transcripts. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Agent sessions at tool-call level: list, show, report (thrashing, context, wrong files).",
        subcommands = {TraceLsCommand.class, TraceShowCommand.class, TraceReportCommand.class,
                TraceReceiveCommand.class})
public final class TraceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
