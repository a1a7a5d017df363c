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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = TerminalProgress.forTerminal(err);
        try (TraceStore store = env.store()) {
            TraceSession s = new TraceService(store).open(SessionResolver.resolve(session, env, store),
                    progress);
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
            return CofferdamCommand.EXIT_OK;
        } catch (TraceException e) {
            return CliFailure.badInput(err, e.getMessage());
        }
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
            String status = !c.hasResult() ? "..." : c.cascade() ? "cascade" : c.error() ? "FAIL" : "ok";
            out.printf("%5d %5d %-12s %-14s %-6s %s%n", c.seq(), c.step(), c.kind().label(), c.tool(), status,
                    c.summary() == null ? "" : c.summary());
        }
        if (!s.fileChanges().isEmpty()) {
            out.printf("%nFiles changed:%n");
            for (FileChange f : s.fileChanges()) {
                out.printf("  %-9s %s (call %d)%n", f.op().label(), f.path(), f.seq());
            }
        }
    }
}
