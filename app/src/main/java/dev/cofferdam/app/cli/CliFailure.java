package dev.cofferdam.app.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns exceptions of a command into the documented exit codes and one-line messages. */
final class CliFailure {
    private static final Logger LOG = LoggerFactory.getLogger(CliFailure.class);

    private CliFailure() {
    }

    /** Bad input or usage: one line on stderr, exit 2. */
    static int badInput(PrintWriter err, String message) {
        err.println("cofferdam: " + message);
        err.flush();
        return CofferdamCommand.EXIT_BAD_INPUT;
    }

    /** A bug or an environment failure: message on stderr, stack trace to the log, exit 1. */
    static int internal(PrintWriter err, Exception e) {
        LOG.error("trace command failed", e);
        err.println("cofferdam: internal error: " + e + " (stack trace in the log, on stderr unless configured)");
        err.flush();
        return CofferdamCommand.EXIT_INTERNAL;
    }
}
