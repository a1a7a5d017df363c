package dev.cofferdam.app.cli;

import dev.cofferdam.app.ui.AppOptions;
import dev.cofferdam.app.ui.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cofferdam ui [PATH]}: opens the workbench on a repository (default: the last one, else the sample). */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Open the workbench on a repository (default: the last one opened, else the sample).")
public final class UiCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PATH", description = "the repository folder")
    Path path;

    @Option(names = "--sample", description = "open the bundled sample repository")
    boolean sample;

    @Option(names = "--theme", paramLabel = "light|dark", description = "the colour theme")
    String theme = "";

    @Option(names = "--select", paramLabel = "NAME", description = "a file path, module id or type to select after opening")
    String select = "";

    @Option(names = "--screenshot", paramLabel = "FILE", description = "write a PNG of the window once painted, then quit")
    Path screenshot;

    @Option(names = "--size", paramLabel = "WxH", description = "window size, e.g. 1280x800")
    String size = "";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (path != null && !Files.isDirectory(path)) {
            spec.commandLine().getErr().println("cofferdam: not a folder: " + path);
            return CofferdamCommand.EXIT_BAD_INPUT;
        }
        if (!theme.isEmpty() && !theme.equals("light") && !theme.equals("dark")) {
            spec.commandLine().getErr().println("cofferdam: --theme must be light or dark");
            return CofferdamCommand.EXIT_BAD_INPUT;
        }
        int width = 0;
        int height = 0;
        if (!size.isEmpty()) {
            String[] wh = size.split("x");
            if (wh.length != 2 || !wh[0].matches("\\d{3,4}") || !wh[1].matches("\\d{3,4}")) {
                spec.commandLine().getErr().println("cofferdam: --size must look like 1280x800");
                return CofferdamCommand.EXIT_BAD_INPUT;
            }
            width = Integer.parseInt(wh[0]);
            height = Integer.parseInt(wh[1]);
        }
        return open(new AppOptions(Optional.ofNullable(path).map(p -> p.toAbsolutePath().normalize()), sample, theme,
                select, Optional.ofNullable(screenshot).map(p -> p.toAbsolutePath()), width, height), spec);
    }

    /** Launches the workbench; exit code 2 when there is no display to show it on. */
    static int open(AppOptions options, CommandSpec spec) {
        try {
            Launcher.launch(options);
            return CofferdamCommand.EXIT_OK;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            spec.commandLine().getErr().println("cofferdam: cannot open the workbench: " + e.getMessage()
                    + " (is DISPLAY set?)");
            return CofferdamCommand.EXIT_BAD_INPUT;
        }
    }
}
