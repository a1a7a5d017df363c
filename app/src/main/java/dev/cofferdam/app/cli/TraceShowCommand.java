package dev.cofferdam.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.FileChange;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceException;
import dev.cofferdam.engine.trace.TraceService;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.report.SessionSummary;
import dev.cofferdam.engine.trace.store.TraceStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cofferdam trace show}: one session, call by call. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one session call by call.")
final class TraceShowCommand implements Callable<Integer> {
    @Mixin
    TraceEnvironment env;

    @Parameters(paramLabel = "SESSION|FILE", description = "a transcript file, or a session id (prefix) from trace ls")
    String session;

    @Option(names = "--json", description = "print the normalized session as JSON")
    boolean json;

    @Option(names = "--follow", description = "keep printing calls as the agent writes them, until the file is "
            + "deleted or the command is interrupted (not with --json)")
    boolean follow;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = TerminalProgress.forTerminal(err);
        if (follow && json) {
            return CliFailure.badInput(err, "--follow prints text; it cannot be combined with --json");
        }
        try (TraceStore store = env.store()) {
            Path file = SessionResolver.resolve(session, env, store);
            TraceSession s = new TraceService(store).open(file, progress);
            TerminalProgress.clear(progress);
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("schema", 1);
                doc.put("session", s);
                doc.put("fileChanges", s.fileChanges());
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            } else {
                print(s, out);
            }
            out.flush();
            if (follow) {
                new TraceFollower(file, s, out).run();
            }
            return CofferdamCommand.EXIT_OK;
        } catch (TraceException e) {
            return CliFailure.badInput(err, e.getMessage());
        }
    }

    static String status(ToolCall c) {
        return !c.hasResult() ? "..." : c.cascade() ? "cascade" : c.error() ? "FAIL" : "ok";
    }

    static void printCall(ToolCall c, PrintWriter out) {
        out.printf("%5d %5d %-12s %-14s %-6s %s%n", c.seq(), c.step(), c.kind().label(), c.tool(), status(c),
                c.summary() == null ? "" : c.summary());
    }

    static void print(TraceSession s, PrintWriter out) {
        SessionSummary m = SessionSummary.of(s);
        out.printf("%s session %s%s%n", m.agent().label(), m.id(), m.version() == null ? "" : " (" + m.version() + ")");
        out.printf("%d prompts, %d steps, %d calls, %d failures, %d requests, %d output tokens, %d compactions%n",
                m.prompts(), m.steps(), m.calls(), m.failures(), m.apiCalls(), m.outputTokens(), m.compactions());
        if (!m.skipped().isEmpty() || m.unknown() > 0) {
            out.printf("skipped lines %s, unknown records kept %d%n", m.skipped(), m.unknown());
        }
        out.printf("%n%5s %5s %-12s %-14s %-6s %s%n", "SEQ", "STEP", "KIND", "TOOL", "STATUS", "TARGET");
        for (ToolCall c : s.calls()) {
            printCall(c, out);
        }
        if (!s.fileChanges().isEmpty()) {
            out.printf("%nFiles changed:%n");
            for (FileChange f : s.fileChanges()) {
                out.printf("  %-9s %s (call %d)%n", f.op().label(), f.path(), f.seq());
            }
        }
    }
}
