package dev.cofferdam.app.cli;

import dev.cofferdam.app.report.MapJson;
import dev.cofferdam.app.report.MapMarkdown;
import dev.cofferdam.engine.map.RepoMap;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cofferdam map PATH [--format json|md]}: the domain map of a repository. */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = "Map a repository: modules, files, owners, dependency graph, cycles.")
final class MapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH",
            description = "Repository root (default: the current directory).")
    Path path;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|md",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path root = Repos.root(path);
        RepoMap map = Repos.map(root, TerminalProgress.forTerminal(spec.commandLine().getErr()));
        out.print(format == OutputFormat.MD ? MapMarkdown.render(map) : MapJson.render(map));
        out.flush();
        return CofferdamCommand.EXIT_OK;
    }
}
