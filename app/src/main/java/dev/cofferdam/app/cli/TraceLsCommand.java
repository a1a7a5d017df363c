package dev.cofferdam.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cofferdam.app.receiver.ReceivedSessions;
import dev.cofferdam.engine.trace.SessionLocator;
import dev.cofferdam.engine.trace.SessionRef;
import dev.cofferdam.engine.trace.TraceException;
import dev.cofferdam.engine.trace.store.StoredSession;
import dev.cofferdam.engine.trace.store.TraceStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cofferdam trace ls}: sessions on disk (Claude Code, Codex, Gemini CLI) and in the store. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List agent sessions found on disk and sessions already stored.")
final class TraceLsCommand implements Callable<Integer> {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Mixin
    TraceEnvironment env;

    @Option(names = "--json", description = "print JSON (see README, JSON contracts, Trace)")
    boolean json;

    @Spec
    CommandSpec spec;

    /** One listed session. */
    record Row(String path, String agent, long size, long mtime, boolean onDisk, boolean stored, String sessionId,
               Integer calls) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TraceStore store = env.store()) {
            List<SessionRef> found = new ArrayList<>(new SessionLocator(env.allRoots()).find());
            found.addAll(new ReceivedSessions(env.dataDir()).list());
            List<Row> rows = rows(found, store.list());
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("schema", 1);
                doc.put("sessions", rows);
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            } else {
                out.printf("%-12s %-16s %10s %6s  %s%n", "AGENT", "MODIFIED (UTC)", "BYTES", "CALLS", "PATH");
                for (Row r : rows) {
                    out.printf("%-12s %-16s %10d %6s  %s%s%n", r.agent(), TIME.format(Instant.ofEpochMilli(r.mtime())),
                            r.size(), r.calls() == null ? "-" : r.calls(), r.path(), r.onDisk() ? "" : "  (gone)");
                }
            }
            out.flush();
            return CofferdamCommand.EXIT_OK;
        } catch (TraceException e) {
            return CliFailure.badInput(err, e.getMessage());
        }
    }

    static List<Row> rows(List<SessionRef> found, List<StoredSession> stored) {
        Map<String, StoredSession> byPath = new LinkedHashMap<>();
        stored.forEach(s -> byPath.put(s.path(), s));
        List<Row> rows = new ArrayList<>();
        for (SessionRef f : found) {
            StoredSession s = byPath.remove(f.path());
            boolean fresh = s != null && s.size() == f.size() && s.mtime() == f.mtime();
            rows.add(new Row(f.path(), f.agent().label(), f.size(), f.mtime(), true, s != null,
                    s == null ? null : s.sessionId(), fresh ? s.calls() : null));
        }
        for (StoredSession s : byPath.values()) {
            boolean exists = java.nio.file.Files.exists(java.nio.file.Path.of(s.path()));
            rows.add(new Row(s.path(), s.agent(), s.size(), s.mtime(), exists, true, s.sessionId(), s.calls()));
        }
        return rows;
    }
}
