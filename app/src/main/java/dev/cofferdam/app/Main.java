package dev.cofferdam.app;

import dev.cofferdam.app.cli.CofferdamCommand;

/** Entry point of the {@code cofferdam} command and of the workbench (no arguments opens the workbench). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CofferdamCommand.run(args));
    }
}
