package dev.cofferdam.app.cli;

import dev.cofferdam.app.review.DiffStat;
import dev.cofferdam.app.run.RunException;
import dev.cofferdam.app.run.RunRange;
import dev.cofferdam.app.run.RunRecord;
import dev.cofferdam.app.run.RunStore;
import dev.cofferdam.app.review.DiffStats;
import dev.cofferdam.app.review.Review;
import dev.cofferdam.app.review.ReviewJson;
import dev.cofferdam.app.review.ReviewMarkdown;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.blast.BlastService;
import dev.cofferdam.engine.blast.SeedSpec;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import dev.cofferdam.engine.trace.TraceException;
import dev.cofferdam.engine.trace.TraceService;
import dev.cofferdam.engine.trace.detect.MapNeighbourhood;
import dev.cofferdam.engine.trace.detect.Thresholds;
import dev.cofferdam.engine.trace.report.TraceReport;
import dev.cofferdam.engine.trace.report.TraceReporter;
import dev.cofferdam.engine.trace.store.TraceStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cofferdam review [PATH] --git A..B | --working-tree | --run NAME [--format md|json] [--trace FILE]}. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "One page for a reviewer: the diff's files, its ranked blast radius, tests to run, owners to "
                + "notify and, with --trace, what the agent's session did.")
final class ReviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH",
            description = "Repository root (default: the current directory).")
    Path path;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Change change;

    static final class Change {
        @Option(names = "--git", paramLabel = "A..B", required = true,
                description = "The change between two revisions (A..B, A...B, or A for A..HEAD).")
        String gitRange;

        @Option(names = "--working-tree", required = true, description = "The uncommitted changes.")
        boolean workingTree;

        @Option(names = "--run", paramLabel = "NAME", required = true,
                description = "The last agent session of sandbox NAME (cofferdam run): what changed since it started"
                        + " (a clone's branch cofferdam/NAME), and its transcript's findings.")
        String run;
    }

    @Option(names = "--format", defaultValue = "md", paramLabel = "md|json",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--trace", paramLabel = "FILE", description = "The agent's transcript (JSONL) to add its findings.")
    Path trace;

    @Mixin
    TraceEnvironment env;

    @Override
    public Integer call() throws Exception {
        if (trace != null && !Files.isRegularFile(trace)) {
            throw new AnalysisException("no such transcript file: " + trace);
        }
        Optional<RunRecord> run = change.run == null ? Optional.empty() : Optional.of(runRecord(change.run));
        Path root = Repos.root(run.isPresent() && !spec.commandLine().getParseResult().hasMatchedPositional(0)
                ? Path.of(run.get().workspace()) : path);
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = TerminalProgress.forTerminal(err);
        RepoMap map = Repos.map(root, progress);
        String range = run.isPresent() ? RunRange.of(run.get(), root) : change.gitRange;
        List<DiffStat> files = change.workingTree ? DiffStats.ofWorkingTree(root) : DiffStats.ofRange(root, range);
        if (files.isEmpty()) {
            throw new AnalysisException(run.isPresent() ? "the session of " + change.run + " changed nothing"
                    : "the diff is empty: nothing to review");
        }
        SeedSpec seeds = new SeedSpec(List.of(), range, null, change.workingTree);
        BlastReport blast = new BlastService().blast(map, root, seeds, 0, true);
        Map<String, String> modules = new HashMap<>();
        for (SourceFile f : map.files()) {
            modules.put(f.path(), f.module());
        }
        modules.keySet().retainAll(files.stream().map(DiffStat::path).toList());
        Path transcript = trace != null ? trace : run.flatMap(RunRange::mainTranscript).orElse(null);
        String label = change.workingTree ? "working tree" : run.isPresent()
                ? run.get().agent() + " session in " + change.run + " (" + range + ")" : range;
        Review review = new Review(label, files, modules, blast, transcript == null ? null : trace(map, transcript, progress));
        TerminalProgress.clear(progress);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == OutputFormat.JSON ? ReviewJson.render(review) : ReviewMarkdown.render(review));
        out.flush();
        return CofferdamCommand.EXIT_OK;
    }

    private RunRecord runRecord(String name) throws AnalysisException {
        try {
            return new RunStore(env.dataDir()).read(name).orElseThrow(() -> new AnalysisException(
                    "no session recorded for sandbox " + name + ": start one with `cofferdam run AGENT --name " + name + "`"));
        } catch (RunException e) {
            throw new AnalysisException(e.getMessage(), e);
        }
    }

    private TraceReport trace(RepoMap map, Path transcript, ProgressListener progress) throws AnalysisException {
        try (TraceStore store = env.store()) {
            return TraceReporter.report(new TraceService(store).open(transcript, progress), Thresholds.DEFAULTS,
                    new MapNeighbourhood(map), null);
        } catch (TraceException e) {
            throw new AnalysisException(e.getMessage(), e);
        }
    }
}
