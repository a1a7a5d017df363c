package dev.cofferdam.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.report.HostContact;
import dev.cofferdam.vm.egress.EgressLogException;
import dev.cofferdam.vm.egress.EgressQuery;
import dev.cofferdam.vm.egress.EgressRecord;
import dev.cofferdam.vm.egress.SqliteEgressLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins a session with the sandbox's egress log (vm), which the engine cannot read: the hosts
 * contacted during the session's time span (one minute of slack on each side), from the egress
 * store of a named sandbox or from a JSON-lines export of it.
 */
public final class EgressHosts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SLACK = Duration.ofMinutes(1);

    /** The session's time span; null bounds when the transcript carries no usable timestamps. */
    public record Span(Instant from, Instant to) {
        public static Span of(TraceSession s) {
            Instant first = parse(s.firstTime());
            Instant last = parse(s.lastTime());
            return new Span(first == null ? null : first.minus(SLACK), last == null ? null : last.plus(SLACK));
        }

        boolean contains(Instant t) {
            return t == null || (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
        }
    }

    private EgressHosts() {
    }

    public static List<HostContact> fromStore(Path dataDir, String sandbox, Span span) throws EgressLogException {
        try (SqliteEgressLog log = SqliteEgressLog.open(dataDir)) {
            Tally tally = new Tally();
            for (EgressRecord r : log.query(new EgressQuery(sandbox, span.from(), span.to(), 0, 1_000_000))) {
                tally.add(r.host(), !r.allowed());
            }
            return tally.result();
        }
    }

    /** Reads a JSONL export (the egress log's fields: host, decision, time); other lines are skipped. */
    static List<HostContact> fromExport(Path jsonl, Span span) throws IOException {
        Tally tally = new Tally();
        try (BufferedReader r = Files.newBufferedReader(jsonl)) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode n;
                try {
                    n = line.isBlank() ? null : JSON.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (n != null && n.hasNonNull("host") && span.contains(parse(n.path("time").asText(null)))) {
                    tally.add(n.get("host").asText(), "deny".equals(n.path("decision").asText()));
                }
            }
        }
        return tally.result();
    }

    private static Instant parse(String time) {
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Counts requests and denials per host, in order of first contact. */
    private static final class Tally {
        private final Map<String, long[]> byHost = new LinkedHashMap<>();

        void add(String host, boolean denied) {
            long[] c = byHost.computeIfAbsent(host, h -> new long[2]);
            c[0]++;
            if (denied) {
                c[1]++;
            }
        }

        List<HostContact> result() {
            List<HostContact> out = new ArrayList<>();
            byHost.forEach((h, c) -> out.add(new HostContact(h, c[0], c[1])));
            return out;
        }
    }
}
