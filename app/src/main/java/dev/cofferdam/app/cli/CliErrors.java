package dev.cofferdam.app.cli;

import dev.cofferdam.app.logging.LogFiles;
import dev.cofferdam.engine.AnalysisException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions from commands into exit codes: {@link AnalysisException} (bad input) → 2 with
 * its one-line message; anything else → 1 with a pointer to the log, where the stack trace goes.
 * Never prints a stack trace on the terminal.
 */
final class CliErrors implements IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        if (ex instanceof AnalysisException) {
            LOG.info("{}: {}", cl.getCommandName(), ex.getMessage());
            cl.getErr().println("cofferdam: " + ex.getMessage());
            cl.getErr().flush();
            return CofferdamCommand.EXIT_BAD_INPUT;
        }
        LOG.error("internal error in {} {}", cl.getCommandName(), parsed.originalArgs(), ex);
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage().lines().findFirst().orElse("");
        cl.getErr().println("cofferdam: internal error: " + msg + " (details in " + LogFiles.logFile() + ")");
        cl.getErr().flush();
        return CofferdamCommand.EXIT_INTERNAL;
    }
}
