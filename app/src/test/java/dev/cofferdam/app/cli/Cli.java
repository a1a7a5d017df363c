package dev.cofferdam.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@link CofferdamCommand} with captured output and error streams. */
record Cli(int exit, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CofferdamCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(exit, out.toString(), err.toString());
    }
}
