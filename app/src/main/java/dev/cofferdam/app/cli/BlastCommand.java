package dev.cofferdam.app.cli;

import dev.cofferdam.app.report.BlastJson;
import dev.cofferdam.app.report.BlastMarkdown;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.blast.BlastService;
import dev.cofferdam.engine.map.RepoMap;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cofferdam blast PATH SEED... [--git A..B] [--patch FILE] [--working-tree] [--depth N]}. */
@Command(name = "blast", mixinStandardHelpOptions = true,
        description = "Blast radius: the files, tests, modules and owners a change to the seeds may break.")
final class BlastCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "Repository root.")
    Path path;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "SEED",
            description = "A file path, directory, type (a.b.C), or module id or name.")
    List<String> seeds = new ArrayList<>();

    @Mixin
    ChangeOptions change;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|md",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (seeds.isEmpty() && !change.hasDiff()) {
            throw new AnalysisException("name at least one SEED, or a change with --git, --patch or --working-tree");
        }
        Path root = Repos.root(path);
        RepoMap map = Repos.map(root, TerminalProgress.forTerminal(spec.commandLine().getErr()));
        BlastReport report = new BlastService().blast(map, root, change.spec(seeds), change.depth, !change.noHistory);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == OutputFormat.MD ? BlastMarkdown.render(report) : BlastJson.render(report));
        out.flush();
        return CofferdamCommand.EXIT_OK;
    }
}
