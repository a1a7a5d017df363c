package dev.cofferdam.engine.trace.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofferdam.engine.trace.AgentKind;
import java.util.HashSet;
import java.util.Set;

/**
 * Gemini CLI sessions, best effort from the public format: a JSON document
 * {@code {sessionId, projectHash, startTime, messages:[...]}} or JSONL with one message (or header)
 * per line. Messages of type {@code gemini} carry {@code toolCalls} (id, name, args, result, status)
 * and {@code tokens}; a message rewritten under the same id does not duplicate its calls. Not
 * thread-safe.
 */
final class GeminiParser implements RecordParser {
    private final Set<String> seenCalls = new HashSet<>();
    private final Set<String> seenPrompts = new HashSet<>();

    @Override
    public void accept(JsonNode r, long line, SessionBuilder b) {
        b.agent = AgentKind.GEMINI;
        if (r.has("messages") && r.get("messages").isArray()) {
            header(r, b);
            b.countType("document");
            for (JsonNode m : r.get("messages")) {
                message(m, line, b);
            }
            return;
        }
        if (Json.text(r, "type") == null && (r.has("sessionId") || r.has("projectHash"))) {
            b.countType("header");
            header(r, b);
            return;
        }
        message(r, line, b);
    }

    private static void header(JsonNode r, SessionBuilder b) {
        if (Json.text(r, "sessionId") != null) {
            b.id = Json.text(r, "sessionId");
        }
    }

    private void message(JsonNode m, long line, SessionBuilder b) {
        String type = Json.text(m, "type");
        b.countType(type);
        String id = Json.text(m, "id");
        if ("user".equals(type)) {
            if (id == null || seenPrompts.add(id)) {
                b.prompt(Json.resultText(m.get("content")));
            }
        } else if ("gemini".equals(type) || "model".equals(type)) {
            gemini(m, id == null ? "line-" + line : id, b);
        } else if (type == null || !Set.of("info", "error", "warning").contains(type)) {
            b.unknown(line, type, m.toString());
        }
    }

    private void gemini(JsonNode m, String id, SessionBuilder b) {
        String time = Json.text(m, "timestamp");
        if (Json.text(m, "model") != null) {
            b.model = Json.text(m, "model");
        }
        JsonNode t = m.get("tokens");
        if (t != null && t.isObject()) {
            long in = Json.num(t, "input");
            long cached = Json.num(t, "cached");
            b.usage(id, time, in - Math.min(in, cached), 0, Math.min(in, cached), Json.num(t, "output"), in, 0);
        }
        JsonNode calls = m.path("toolCalls");
        for (JsonNode c : calls) {
            String callId = Json.text(c, "id");
            String key = callId == null ? id + "#" + Json.text(c, "name") : callId;
            if (seenCalls.add(key)) {
                int step = b.step(id, time);
                String name = Json.text(c, "name");
                b.addCall(step, key, name == null ? "?" : name, c.path("args"), Json.text(c, "timestamp"));
            }
            String status = Json.text(c, "status");
            if (status != null && !"executing".equals(status) && !"scheduled".equals(status)) {
                b.result(key, resultText(c), "error".equals(status) || "cancelled".equals(status));
            }
        }
    }

    private static String resultText(JsonNode c) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : c.path("result")) {
            JsonNode resp = part.path("functionResponse").path("response");
            String out = Json.text(resp, "output");
            if (out == null) {
                out = Json.text(resp, "error");
            }
            if (out != null) {
                sb.append(out);
            }
        }
        if (sb.length() == 0 && Json.text(c, "resultDisplay") != null) {
            sb.append(Json.text(c, "resultDisplay"));
        }
        return sb.toString();
    }
}
