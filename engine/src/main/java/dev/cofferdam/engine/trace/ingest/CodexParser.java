package dev.cofferdam.engine.trace.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofferdam.engine.trace.AgentKind;
import java.util.Set;

/**
 * Codex CLI rollout JSONL ({@code session_meta}, {@code turn_context}, {@code response_item},
 * {@code event_msg}, {@code compacted}). Consecutive call items of one response form one step;
 * {@code token_count} events repeat, so usage is keyed by the cumulative total. Not thread-safe.
 */
final class CodexParser implements RecordParser {
    private static final Set<String> CALLS = Set.of("function_call", "custom_tool_call", "local_shell_call",
            "web_search_call");
    private static final Set<String> OUTPUTS = Set.of("function_call_output", "custom_tool_call_output",
            "local_shell_call_output");
    private static final Set<String> ITEMS = Set.of("message", "reasoning");
    private static final Set<String> KNOWN = Set.of("session_meta", "turn_context", "response_item", "event_msg",
            "compacted");

    private boolean batchOpen;
    private int steps;

    @Override
    public void accept(JsonNode r, long line, SessionBuilder b) {
        String type = Json.text(r, "type");
        JsonNode p = r.path("payload");
        String ptype = Json.text(p, "type");
        b.countType(ptype == null ? type : type + ":" + ptype);
        b.agent = AgentKind.CODEX;
        String time = Json.text(r, "timestamp");
        if ("session_meta".equals(type)) {
            b.id = Json.text(p, "id");
            b.cwd = b.cwd == null ? Json.text(p, "cwd") : b.cwd;
            b.version = Json.text(p, "cli_version");
        } else if ("turn_context".equals(type)) {
            b.cwd = Json.text(p, "cwd") != null ? Json.text(p, "cwd") : b.cwd;
            b.model = Json.text(p, "model") != null ? Json.text(p, "model") : b.model;
        } else if ("response_item".equals(type)) {
            item(p, ptype, time, b);
            if (ptype == null || !ITEMS.contains(ptype) && !CALLS.contains(ptype) && !OUTPUTS.contains(ptype)) {
                b.unknown(line, type + ":" + ptype, r.toString());
            }
        } else if ("event_msg".equals(type)) {
            event(p, ptype, time, b);
        } else if ("compacted".equals(type)) {
            batchOpen = false;
            b.compaction(time, "auto", 0);
        }
        if (type == null || !KNOWN.contains(type)) {
            b.unknown(line, type, r.toString());
        }
    }

    private void item(JsonNode p, String ptype, String time, SessionBuilder b) {
        if (ptype != null && CALLS.contains(ptype)) {
            if (!batchOpen) {
                b.step("codex-step-" + steps++, time);
                batchOpen = true;
            }
            call(p, ptype, time, b);
            return;
        }
        batchOpen = false;
        if (ptype != null && OUTPUTS.contains(ptype)) {
            CodexOutput out = CodexOutput.read(p.get("output"));
            b.result(Json.text(p, "call_id"), out.text(), out.failed());
        }
    }

    private void call(JsonNode p, String ptype, String time, SessionBuilder b) {
        String callId = Json.text(p, "call_id");
        int step = b.stepCount() - 1;
        if ("custom_tool_call".equals(ptype)) {
            b.addCall(step, callId, Json.text(p, "name"), p.path("input"), time);
        } else if ("local_shell_call".equals(ptype)) {
            JsonNode action = p.path("action");
            b.addCall(step, callId, "local_shell", action, time);
        } else if ("web_search_call".equals(ptype)) {
            b.addCall(step, callId == null ? Json.text(p, "id") : callId, "web_search", p.path("action"), time);
        } else {
            JsonNode args = p.path("arguments");
            if (args.isTextual()) {
                try {
                    args = TranscriptParser.TREE.readValue(args.asText());
                } catch (java.io.IOException e) {
                    b.skip("unparsable-arguments");
                }
            }
            String name = Json.text(p, "name");
            b.addCall(step, callId, name == null ? "?" : name, args == null ? p.path("arguments") : args, time);
        }
    }

    private void event(JsonNode p, String ptype, String time, SessionBuilder b) {
        if ("user_message".equals(ptype)) {
            batchOpen = false;
            String msg = Json.text(p, "message");
            b.prompt(msg == null ? "" : msg);
        } else if ("token_count".equals(ptype)) {
            JsonNode info = p.get("info");
            if (info == null || !info.isObject()) {
                return;
            }
            JsonNode last = info.path("last_token_usage");
            long in = Json.num(last, "input_tokens");
            long cached = Json.num(last, "cached_input_tokens");
            String key = "total:" + Json.num(info.path("total_token_usage"), "total_tokens");
            b.usage(key, time, in - cached, 0, cached, Json.num(last, "output_tokens"), in,
                    Json.num(info, "model_context_window"));
        }
    }
}
