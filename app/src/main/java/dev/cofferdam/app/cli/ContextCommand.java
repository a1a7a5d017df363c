package dev.cofferdam.app.cli;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.blast.BlastService;
import dev.cofferdam.engine.context.ContextPack;
import dev.cofferdam.engine.context.ContextPackBuilder;
import dev.cofferdam.engine.map.RepoMap;
import java.nio.file.Files;
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

/**
 * {@code cofferdam context [PATH] SEED... | --git A..B [--budget TOKENS]}: a token-budgeted Markdown
 * pack for an agent. The first argument is the repository when it is a directory followed by a
 * seed or a diff option; otherwise the repository is the current directory.
 */
@Command(name = "context", mixinStandardHelpOptions = true,
        description = "A token-budgeted Markdown pack for an agent: module map, blast radius, tests to run, owners.")
final class ContextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "[PATH] SEED",
            description = "Optional repository root (default: the current directory), then seeds.")
    List<String> args = new ArrayList<>();

    @Mixin
    ChangeOptions change;

    @Option(names = "--budget", defaultValue = "6000", paramLabel = "TOKENS",
            description = "Most tokens the pack may take, about 4 characters each (default: ${DEFAULT-VALUE}; 0 = no limit).")
    int budget;

    @Override
    public Integer call() throws Exception {
        List<String> seeds = new ArrayList<>(args);
        Path path = Path.of(".");
        if (!seeds.isEmpty() && Files.isDirectory(Path.of(seeds.get(0))) && (seeds.size() > 1 || change.hasDiff())) {
            path = Path.of(seeds.remove(0));
        }
        if (seeds.isEmpty() && !change.hasDiff()) {
            throw new AnalysisException("name at least one SEED, or a change with --git, --patch or --working-tree");
        }
        if (budget < 0) {
            throw new AnalysisException("--budget must be 0 (no limit) or more, not " + budget);
        }
        Path root = Repos.root(path);
        RepoMap map = Repos.map(root, TerminalProgress.forTerminal(spec.commandLine().getErr()));
        BlastReport report = new BlastService().blast(map, root, change.spec(seeds), change.depth, !change.noHistory);
        ContextPack pack = ContextPackBuilder.build(map, report, budget);
        spec.commandLine().getOut().print(pack.markdown());
        spec.commandLine().getOut().flush();
        return CofferdamCommand.EXIT_OK;
    }
}
