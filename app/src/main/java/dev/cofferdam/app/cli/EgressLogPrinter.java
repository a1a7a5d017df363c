package dev.cofferdam.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cofferdam.vm.egress.EgressLogException;
import dev.cofferdam.vm.egress.EgressQuery;
import dev.cofferdam.vm.egress.EgressRecord;
import dev.cofferdam.vm.egress.HostSummary;
import dev.cofferdam.vm.egress.SqliteEgressLog;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Prints one sandbox's part of the egress log ({@code egress.db} in the data directory): records
 * as a table or as the log's own JSONL export, or the per-host view; optionally following new
 * records. Not thread-safe: one per command.
 */
final class EgressLogPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String ROW = "%-19s  %-7s  %-32s  %-8s  %-28s  %9s  %9s  %6s  %s%n";
    private static final String HOST_ROW = "%-40s  %7s  %-19s  %-8s  %s%n";

    private final Path dataDir;
    private final String sandbox;
    private final boolean json;
    private final PrintStream out;
    private final PrintStream err;
    private boolean headerDone;

    EgressLogPrinter(Path dataDir, String sandbox, boolean json, PrintStream out, PrintStream err) {
        this.dataDir = dataDir;
        this.sandbox = sandbox;
        this.json = json;
        this.out = out;
        this.err = err;
    }

    /**
     * @param lines      how many of the latest records to print first (0: all)
     * @param followForMs when following, stop after this long (0: until interrupted or Ctrl-C)
     * @return the exit code
     */
    int print(boolean hosts, int lines, boolean follow, long followForMs) throws EgressLogException {
        Path file = dataDir.resolve("egress.db");
        if (!Files.isRegularFile(file)) {
            err.println("cofferdam: no egress log yet (" + file + ")");
            return CofferdamCommand.EXIT_OK;
        }
        try (SqliteEgressLog log = SqliteEgressLog.open(dataDir)) {
            if (hosts) {
                printHosts(log.hosts(sandbox));
                return CofferdamCommand.EXIT_OK;
            }
            List<EgressRecord> all = log.query(EgressQuery.sandbox(sandbox));
            int from = lines == 0 ? 0 : Math.max(0, all.size() - lines);
            long lastId = print(log, all.subList(from, all.size()), from == 0 ? 0 : all.get(from - 1).id());
            if (follow) {
                new EgressFollower(log, sandbox, this::print).run(lastId, followForMs);
            }
            return CofferdamCommand.EXIT_OK;
        }
    }

    /**
     * Prints records that follow {@code afterId}; JSON goes through the log's own exporter.
     *
     * @return the id of the last record printed, or {@code afterId} when there were none
     */
    long print(SqliteEgressLog log, List<EgressRecord> records, long afterId) throws EgressLogException {
        if (records.isEmpty()) {
            return afterId;
        }
        if (json) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            log.exportJsonl(new EgressQuery(sandbox, null, null, afterId, records.size()), w);
        } else {
            if (!headerDone) {
                out.printf(ROW, "TIME", "METHOD", "HOST:PORT", "DECISION", "RULE", "UP", "DOWN", "MS", "REASON");
                headerDone = true;
            }
            for (EgressRecord r : records) {
                out.printf(ROW, TIME.format(r.time()), r.method(), r.host() + ":" + r.port(), r.decision(),
                        orDash(r.rule()), r.bytesUp(), r.bytesDown(), r.durationMs(), r.reason());
            }
        }
        out.flush();
        return records.get(records.size() - 1).id();
    }

    private void printHosts(List<HostSummary> summaries) {
        if (json) {
            for (HostSummary h : summaries) {
                ObjectNode n = JSON.createObjectNode();
                n.put("host", h.host());
                n.put("count", h.count());
                n.put("lastSeen", h.lastSeen().toString());
                n.put("decision", h.decision());
                n.put("rule", h.rule());
                out.println(n.toString());
            }
        } else if (!summaries.isEmpty()) {
            out.printf(HOST_ROW, "HOST", "COUNT", "LAST SEEN", "DECISION", "RULE");
            for (HostSummary h : summaries) {
                out.printf(HOST_ROW, h.host(), h.count(), TIME.format(h.lastSeen()), h.decision(), orDash(h.rule()));
            }
        }
        out.flush();
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
