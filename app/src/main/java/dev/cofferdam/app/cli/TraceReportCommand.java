package dev.cofferdam.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.TraceException;
import dev.cofferdam.engine.trace.TraceService;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.detect.MapNeighbourhood;
import dev.cofferdam.engine.trace.detect.Thresholds;
import dev.cofferdam.engine.trace.report.HostContact;
import dev.cofferdam.engine.trace.report.MarkdownReport;
import dev.cofferdam.engine.trace.report.TraceReport;
import dev.cofferdam.engine.trace.report.TraceReporter;
import dev.cofferdam.engine.trace.store.TraceStore;
import dev.cofferdam.vm.egress.EgressLogException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cofferdam trace report}: findings, files touched and the context curve of sessions. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Report findings (thrashing, context overflow, wrong-file edits), files touched and the "
                + "context curve of a transcript, or of every transcript in a directory.")
final class TraceReportCommand implements Callable<Integer> {
    enum Format { md, json }

    @Mixin
    TraceEnvironment env;

    @Parameters(paramLabel = "FILE|DIR", description = "a transcript, or a directory searched for *.jsonl / session-*.json")
    Path input;

    @Option(names = "--repo", paramLabel = "PATH",
            description = "the repository the agent worked on: judge edited files against its map")
    Path repo;

    @Option(names = "--format", defaultValue = "md", description = "md or json (default md)")
    Format format;

    @Option(names = "--sandbox", paramLabel = "NAME",
            description = "optional: the sandbox the agent ran in; lists the hosts it contacted during the session "
                    + "from its egress log (egress.db in the data directory)")
    String sandbox;

    @Option(names = "--egress-log", paramLabel = "FILE",
            description = "optional: an egress log JSONL export; lists the hosts contacted during the session")
    Path egressLog;

    @Option(names = "--threshold", paramLabel = "NAME=VALUE",
            description = "override a detector threshold (names as in the report's \"thresholds\"), repeatable")
    Map<String, String> thresholds = new LinkedHashMap<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Thresholds t;
        try {
            t = Thresholds.DEFAULTS.with(thresholds);
        } catch (IllegalArgumentException e) {
            return CliFailure.badInput(err, e.getMessage());
        }
        if (!Files.exists(input)) {
            return CliFailure.badInput(err, "no such file or directory: " + input);
        }
        ProgressListener progress = TerminalProgress.forTerminal(err);
        try (TraceStore store = env.store()) {
            MapNeighbourhood map = repo == null ? null : new MapNeighbourhood(Repos.map(Repos.root(repo), progress));
            TraceService svc = new TraceService(store);
            List<TraceReport> reports = new ArrayList<>();
            for (Path f : transcripts(input)) {
                TraceSession s = svc.open(f, progress);
                reports.add(TraceReporter.report(s, t, map, hosts(s)));
            }
            TerminalProgress.clear(progress);
            print(reports, Files.isDirectory(input), out);
            return CofferdamCommand.EXIT_OK;
        } catch (TraceException | AnalysisException | EgressLogException e) {
            return CliFailure.badInput(err, e.getMessage());
        } catch (IOException e) {
            return CliFailure.badInput(err, "cannot read " + e.getMessage());
        }
    }

    /** The egress-log join: hosts contacted in the session's time span, or null when no log was named. */
    private List<HostContact> hosts(TraceSession s) throws IOException, EgressLogException {
        EgressHosts.Span span = EgressHosts.Span.of(s);
        if (sandbox != null) {
            return EgressHosts.fromStore(env.dataDir(), sandbox, span);
        }
        return egressLog == null ? null : EgressHosts.fromExport(egressLog, span);
    }

    private void print(List<TraceReport> reports, boolean many, PrintWriter out) throws IOException {
        if (format == Format.json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Object doc = reports.get(0);
            if (many) {
                Map<String, Object> wrap = new LinkedHashMap<>();
                wrap.put("schema", TraceReport.SCHEMA);
                wrap.put("reports", reports);
                doc = wrap;
            }
            out.println(m.writeValueAsString(doc));
        } else {
            for (int i = 0; i < reports.size(); i++) {
                out.print((i > 0 ? "\n---\n\n" : "") + MarkdownReport.render(reports.get(i)));
            }
        }
        out.flush();
    }

    static List<Path> transcripts(Path input) throws IOException, TraceException {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        List<Path> out;
        try (Stream<Path> s = Files.walk(input, 5)) {
            out = new ArrayList<>(s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return (n.endsWith(".jsonl") || n.startsWith("session-") && n.endsWith(".json"))
                        && !p.getParent().getFileName().toString().equals("subagents");
            }).sorted().toList());
        }
        if (out.isEmpty()) {
            throw new TraceException("no transcripts (*.jsonl, session-*.json) under " + input);
        }
        return out;
    }
}
