package dev.cofferdam.app.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns Claude Code {@code type:"http"} hook posts into transcript lines: PreToolUse writes the
 * call, PostToolUse its result (and the call first when no PreToolUse came). A PostToolUse is paired
 * with its PreToolUse by {@code tool_use_id} when the payload has one, otherwise by session, tool
 * and input. Other hook events are acknowledged and ignored. Thread-safe (synchronized).
 */
final class HookReceiver {
    private final ReceivedSessions sessions;
    private final Map<String, Deque<String>> pending = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    HookReceiver(ReceivedSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * @param event the hook payload
     * @throws IllegalArgumentException when the payload lacks session_id or hook_event_name
     * @throws IOException              when the session file cannot be written
     */
    synchronized void accept(JsonNode event) throws IOException {
        String session = text(event, "session_id");
        String name = text(event, "hook_event_name");
        if (session == null || name == null) {
            throw new IllegalArgumentException("a hook payload needs session_id and hook_event_name");
        }
        String cwd = text(event, "cwd");
        String tool = text(event, "tool_name");
        if (tool == null || !(name.equals("PreToolUse") || name.equals("PostToolUse"))) {
            return;
        }
        JsonNode input = event.path("tool_input");
        String key = session + "\u0000" + tool + "\u0000" + input;
        String time = Instant.now().toString();
        List<String> lines = new ArrayList<>();
        String id = text(event, "tool_use_id");
        if (name.equals("PreToolUse")) {
            if (id == null) {
                id = "hook_" + ids.incrementAndGet();
            }
            pending.computeIfAbsent(key, k -> new ArrayDeque<>()).add(id);
            lines.add(ClaudeLines.toolUse(session, cwd, time, id, tool, input));
        } else {
            Deque<String> q = pending.get(key);
            String seen = null;
            if (q != null) {
                seen = id == null ? q.poll() : q.remove(id) ? id : null;
            }
            if (q != null && q.isEmpty()) {
                pending.remove(key);
            }
            if (seen == null) {
                seen = id != null ? id : "hook_" + ids.incrementAndGet();
                lines.add(ClaudeLines.toolUse(session, cwd, time, seen, tool, input));
            }
            JsonNode response = event.path("tool_response");
            lines.add(ClaudeLines.toolResult(session, cwd, time, seen, resultText(response), failed(response)));
        }
        sessions.append(session, lines);
    }

    private static String resultText(JsonNode response) {
        if (response.isMissingNode() || response.isNull()) {
            return "";
        }
        return response.isTextual() ? response.asText() : response.toString();
    }

    private static boolean failed(JsonNode response) {
        return response.path("success").isBoolean() && !response.path("success").asBoolean()
                || response.path("is_error").asBoolean(false)
                || response.path("interrupted").asBoolean(false);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
