package dev.cofferdam.app.cli;

import java.io.PrintWriter;

/** Bad input of a trace command: one line on stderr, exit 2. Other failures go to {@link CliErrors}. */
final class CliFailure {
    private CliFailure() {
    }

    static int badInput(PrintWriter err, String message) {
        err.println("cofferdam: " + message);
        err.flush();
        return CofferdamCommand.EXIT_BAD_INPUT;
    }
}
