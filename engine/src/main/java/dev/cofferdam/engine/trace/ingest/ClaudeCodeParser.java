package dev.cofferdam.engine.trace.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofferdam.engine.trace.AgentKind;
import java.util.Set;

/**
 * Claude Code session JSONL. One content block per line; lines of one response share
 * {@code message.id}, and each repeats {@code usage}: calls are grouped into one step per message id
 * and usage is counted once per message id + request id (the latest line's values win). Not
 * thread-safe.
 */
final class ClaudeCodeParser implements RecordParser {
    private static final Set<String> IGNORED = Set.of("file-history-snapshot", "progress", "queue-operation",
            "summary", "custom-title", "tag", "last-prompt", "agent-name");

    @Override
    public void accept(JsonNode r, long line, SessionBuilder main) {
        String type = Json.text(r, "type");
        main.countType(type);
        main.agent = AgentKind.CLAUDE_CODE;
        SessionBuilder b = main;
        if (r.path("isSidechain").asBoolean(false) && ("user".equals(type) || "assistant".equals(type))) {
            String agentId = Json.text(r, "agentId");
            b = main.sidechain(agentId == null ? "sidechain" : agentId);
        }
        header(r, main);
        if ("assistant".equals(type)) {
            assistant(r, b);
        } else if ("user".equals(type)) {
            ClaudeUserRecords.user(r, b);
        } else if ("system".equals(type)) {
            if ("compact_boundary".equals(Json.text(r, "subtype"))) {
                JsonNode meta = r.path("compactMetadata");
                b.compaction(Json.text(r, "timestamp"), Json.text(meta, "trigger"), Json.num(meta, "preTokens"));
            }
        } else if (type == null || !IGNORED.contains(type)) {
            main.unknown(line, type, r.toString());
        }
    }

    private static void header(JsonNode r, SessionBuilder b) {
        if (b.id == null && Json.text(r, "sessionId") != null) {
            b.id = Json.text(r, "sessionId");
        }
        if (b.cwd == null && Json.text(r, "cwd") != null) {
            b.cwd = Json.text(r, "cwd");
        }
        if (Json.text(r, "version") != null) {
            b.version = Json.text(r, "version");
        }
    }

    private static void assistant(JsonNode r, SessionBuilder b) {
        JsonNode msg = r.path("message");
        String time = Json.text(r, "timestamp");
        String msgId = Json.text(msg, "id");
        String model = Json.text(msg, "model");
        boolean synthetic = model != null && model.startsWith("<");
        if (model != null && !synthetic) {
            b.model = model;
        }
        String key = (msgId == null ? Json.text(r, "uuid") : msgId) + "/" + Json.text(r, "requestId");
        JsonNode u = msg.get("usage");
        if (u != null && u.isObject() && !synthetic) {
            long in = Json.num(u, "input_tokens");
            long cc = Json.num(u, "cache_creation_input_tokens");
            long cr = Json.num(u, "cache_read_input_tokens");
            b.usage(key, time, in, cc, cr, Json.num(u, "output_tokens"), in + cc + cr, 0);
        }
        JsonNode content = msg.path("content");
        if (!content.isArray()) {
            return;
        }
        for (JsonNode block : content) {
            if ("tool_use".equals(Json.text(block, "type")) || "server_tool_use".equals(Json.text(block, "type"))) {
                int step = b.step(key, time);
                String tool = Json.text(block, "name");
                b.addCall(step, Json.text(block, "id"), tool == null ? "?" : tool, block.path("input"), time);
            }
        }
    }
}
