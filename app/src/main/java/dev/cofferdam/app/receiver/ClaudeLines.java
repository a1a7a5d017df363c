package dev.cofferdam.app.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds transcript lines in the Claude Code JSONL format, so that events received over HTTP are
 * read by the same ingest path (parser, tailer, store) as a transcript on disk. Stateless,
 * thread-safe.
 */
public final class ClaudeLines {
    private static final ObjectMapper M = new ObjectMapper();

    private ClaudeLines() {
    }

    /** @return a user prompt line */
    public static String prompt(String session, String cwd, String time, String text) {
        ObjectNode r = base("user", session, cwd, time);
        r.putObject("message").put("role", "user").put("content", text);
        return r.toString();
    }

    /** @return an assistant line issuing one tool call, as its own model response */
    public static String toolUse(String session, String cwd, String time, String callId, String tool, JsonNode input) {
        ObjectNode r = base("assistant", session, cwd, time);
        ObjectNode m = r.putObject("message");
        m.put("id", "msg_" + callId).put("role", "assistant").put("type", "message");
        m.putArray("content").addObject().put("type", "tool_use").put("id", callId).put("name", tool)
                .set("input", input == null || input.isMissingNode() ? M.createObjectNode() : input);
        return r.toString();
    }

    /** @return a user line carrying a tool call's result */
    public static String toolResult(String session, String cwd, String time, String callId, String result,
                                    boolean error) {
        ObjectNode r = base("user", session, cwd, time);
        ObjectNode block = r.putObject("message").put("role", "user").putArray("content").addObject();
        block.put("type", "tool_result").put("tool_use_id", callId).put("content", result == null ? "" : result);
        if (error) {
            block.put("is_error", true);
        }
        return r.toString();
    }

    /** @return an assistant line that only reports the token usage of one model request */
    public static String usage(String session, String time, String requestId, String model, long input,
                               long cacheCreation, long cacheRead, long output) {
        ObjectNode r = base("assistant", session, null, time);
        r.put("requestId", requestId);
        ObjectNode m = r.putObject("message");
        m.put("id", "msg_" + requestId).put("role", "assistant").put("type", "message");
        if (model != null) {
            m.put("model", model);
        }
        m.putArray("content");
        m.putObject("usage").put("input_tokens", input).put("cache_creation_input_tokens", cacheCreation)
                .put("cache_read_input_tokens", cacheRead).put("output_tokens", output);
        return r.toString();
    }

    private static ObjectNode base(String type, String session, String cwd, String time) {
        ObjectNode r = M.createObjectNode();
        r.put("type", type).put("sessionId", session).put("uuid", java.util.UUID.randomUUID().toString());
        if (cwd != null) {
            r.put("cwd", cwd);
        }
        if (time != null) {
            r.put("timestamp", time);
        }
        return r;
    }
}
