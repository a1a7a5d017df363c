package dev.cofferdam.app.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns OTLP/HTTP JSON log exports from Claude Code telemetry into transcript lines:
 * {@code tool_result} events become a call with its result (arguments only when the agent runs
 * with {@code OTEL_LOG_TOOL_DETAILS=1}), {@code api_request} events the token usage of a request,
 * {@code user_prompt} events a prompt (text only with {@code OTEL_LOG_USER_PROMPTS=1}). Other events
 * are ignored. Thread-safe (synchronized).
 */
final class OtlpLogsReceiver {
    private static final ObjectMapper M = new ObjectMapper();
    private final ReceivedSessions sessions;
    private final AtomicLong ids = new AtomicLong();

    OtlpLogsReceiver(ReceivedSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * @param export an ExportLogsServiceRequest in the OTLP JSON encoding
     * @return the number of log records turned into transcript lines
     * @throws IOException when a session file cannot be written
     */
    synchronized int accept(JsonNode export) throws IOException {
        Map<String, List<String>> bySession = new LinkedHashMap<>();
        int used = 0;
        for (JsonNode rl : export.path("resourceLogs")) {
            Map<String, String> resource = attributes(rl.path("resource").path("attributes"));
            for (JsonNode sl : rl.path("scopeLogs")) {
                for (JsonNode rec : sl.path("logRecords")) {
                    Map<String, String> a = new HashMap<>(resource);
                    a.putAll(attributes(rec.path("attributes")));
                    String session = a.getOrDefault("session.id", "otlp-" + a.getOrDefault("service.name", "agent"));
                    List<String> lines = lines(eventName(rec, a), a, time(rec), session);
                    if (!lines.isEmpty()) {
                        used++;
                        bySession.computeIfAbsent(session, k -> new ArrayList<>()).addAll(lines);
                    }
                }
            }
        }
        for (Map.Entry<String, List<String>> e : bySession.entrySet()) {
            sessions.append(e.getKey(), e.getValue());
        }
        return used;
    }

    private List<String> lines(String event, Map<String, String> a, String time, String session) {
        switch (event) {
            case "tool_result": {
                String id = "otlp_" + ids.incrementAndGet();
                JsonNode input = parameters(a.get("tool_parameters"));
                boolean failed = "false".equals(a.get("success"));
                String result = failed ? a.getOrDefault("error", "failed") : "ok";
                String tool = a.getOrDefault("tool_name", a.getOrDefault("name", "unknown"));
                return List.of(ClaudeLines.toolUse(session, null, time, id, tool, input),
                        ClaudeLines.toolResult(session, null, time, id, result, failed));
            }
            case "api_request":
                return List.of(ClaudeLines.usage(session, time, "otlp_req_" + ids.incrementAndGet(), a.get("model"),
                        num(a, "input_tokens"), num(a, "cache_creation_tokens"), num(a, "cache_read_tokens"),
                        num(a, "output_tokens")));
            case "user_prompt":
                return List.of(ClaudeLines.prompt(session, null, time,
                        a.getOrDefault("prompt", "(prompt of " + a.getOrDefault("prompt_length", "?") + " characters)")));
            default:
                return List.of();
        }
    }

    private static String eventName(JsonNode rec, Map<String, String> a) {
        String name = a.get("event.name");
        if (name == null) {
            name = rec.path("body").path("stringValue").asText("");
        }
        return name.startsWith("claude_code.") ? name.substring("claude_code.".length()) : name;
    }

    private static JsonNode parameters(String json) {
        if (json == null || json.isBlank()) {
            return M.createObjectNode();
        }
        try {
            return M.readTree(json);
        } catch (IOException e) {
            return M.createObjectNode().put("raw", json);
        }
    }

    private static long num(Map<String, String> a, String key) {
        try {
            return (long) Double.parseDouble(a.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String time(JsonNode rec) {
        String nanos = rec.path("timeUnixNano").asText("");
        if (nanos.isEmpty() || "0".equals(nanos)) {
            nanos = rec.path("observedTimeUnixNano").asText("");
        }
        try {
            long n = Long.parseLong(nanos);
            return Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L).toString();
        } catch (NumberFormatException e) {
            return Instant.now().toString();
        }
    }

    /** Flattens OTLP key/value attributes to strings (string, int, double and bool values). */
    static Map<String, String> attributes(JsonNode list) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode kv : list) {
            JsonNode v = kv.path("value");
            String s = null;
            for (String f : List.of("stringValue", "intValue", "doubleValue", "boolValue")) {
                if (v.has(f)) {
                    s = v.get(f).asText();
                }
            }
            if (s != null && kv.hasNonNull("key")) {
                out.put(kv.get("key").asText(), s);
            }
        }
        return out;
    }
}
