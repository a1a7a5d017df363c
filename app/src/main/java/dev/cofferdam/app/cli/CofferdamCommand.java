package dev.cofferdam.app.cli;

import dev.cofferdam.app.logging.LogSetup;
import dev.cofferdam.app.ui.AppOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code cofferdam} command. Each layer registers its subcommands here.
 * Exit codes: 0 success, 2 bad input or usage (one-line reason on stderr), 1 internal error.
 */
@Command(name = "cofferdam", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A workbench for handing a code base to an AI coding agent: map, walls, trace.",
        subcommands = {
            CommandLine.HelpCommand.class,
            MapCommand.class,
            BlastCommand.class,
            ContextCommand.class,
            McpCommand.class,
            InitCommand.class,
            RunCommand.class,
            ReviewCommand.class,
            TraceCommand.class,
            PolicyCommand.class,
            SecretCommand.class,
            SandboxCommand.class,
            ImageCommand.class,
            DoctorCommand.class,
            UiCommand.class,
        })
public final class CofferdamCommand implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // No subcommand: the workbench takes over.
        return UiCommand.open(AppOptions.DEFAULT, spec);
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Runs the command line with the given output and error streams (tests capture them). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        LogSetup.init();
        CommandLine cl = new CommandLine(new CofferdamCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setExitCodeExceptionMapper(t -> EXIT_INTERNAL);
        cl.setParameterExceptionHandler((ex, a) -> {
            cl.getErr().println("cofferdam: " + ex.getMessage());
            return EXIT_BAD_INPUT;
        });
        return cl.execute(args);
    }
}
