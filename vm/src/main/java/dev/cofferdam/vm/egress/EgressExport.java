package dev.cofferdam.vm.egress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes egress records as JSON lines or CSV. Stateless and thread-safe. */
final class EgressExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] HEADER = {"schema", "id", "time", "sandbox", "client", "method", "host", "port",
        "path", "serverName", "decision", "rule", "reason", "status", "bytesUp", "bytesDown", "durationMs", "credential"};

    private EgressExport() {
    }

    static void jsonl(List<EgressRecord> records, Writer out) throws EgressLogException {
        try {
            for (EgressRecord r : records) {
                ObjectNode n = JSON.createObjectNode();
                n.put("schema", 1);
                n.put("id", r.id());
                n.put("time", r.time().toString());
                n.put("sandbox", r.sandbox());
                n.put("client", r.client());
                n.put("method", r.method());
                n.put("host", r.host());
                n.put("port", r.port());
                n.put("path", r.path());
                n.put("serverName", r.serverName());
                n.put("decision", r.decision());
                n.put("rule", r.rule());
                n.put("reason", r.reason());
                n.put("status", r.status());
                n.put("bytesUp", r.bytesUp());
                n.put("bytesDown", r.bytesDown());
                n.put("durationMs", r.durationMs());
                n.put("credential", r.credential());
                out.write(JSON.writeValueAsString(n));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new EgressLogException("cannot write the export: " + e.getMessage(), e);
        }
    }

    static void csv(List<EgressRecord> records, Writer out) throws EgressLogException {
        try {
            out.write(String.join(",", HEADER) + "\r\n");
            for (EgressRecord r : records) {
                Object[] v = {1, r.id(), r.time(), r.sandbox(), r.client(), r.method(), r.host(), r.port(), r.path(),
                    r.serverName(), r.decision(), r.rule(), r.reason(), r.status(), r.bytesUp(), r.bytesDown(),
                    r.durationMs(), r.credential()};
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < v.length; i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append(cell(String.valueOf(v[i])));
                }
                out.write(line.append("\r\n").toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new EgressLogException("cannot write the export: " + e.getMessage(), e);
        }
    }

    private static String cell(String s) {
        String safe = s;
        // A leading formula character would be executed by spreadsheets.
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
