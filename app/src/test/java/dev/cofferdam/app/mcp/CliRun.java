package dev.cofferdam.app.mcp;

import dev.cofferdam.app.cli.CofferdamCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real {@code cofferdam} command line in-process, to compare the CLI's answers with MCP's. */
record CliRun(int exit, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CofferdamCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(exit, out.toString(), err.toString());
    }
}
