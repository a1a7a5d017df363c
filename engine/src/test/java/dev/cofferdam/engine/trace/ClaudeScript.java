package dev.cofferdam.engine.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cofferdam.engine.trace.ingest.TranscriptParser;
import java.nio.charset.StandardCharsets;

/**
 * Writes synthetic sessions in the Claude Code JSONL format (one content block per line, usage
 * repeated on each line of a message), so detector tests go through the real parser.
 */
public final class ClaudeScript {
    private static final ObjectMapper M = new ObjectMapper();
    private final StringBuilder out = new StringBuilder();
    private final String cwd;
    private int msg;
    private int tool;
    private long context = 1000;

    public ClaudeScript(String cwd) {
        this.cwd = cwd;
    }

    /** One tool call: name, its input, its result text and whether it failed. */
    public record Call(String name, ObjectNode input, String result, boolean error) {
    }

    public static ObjectNode args(String... kv) {
        ObjectNode n = M.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            n.put(kv[i], kv[i + 1]);
        }
        return n;
    }

    public static Call read(String path, String content) {
        return new Call("Read", args("file_path", path), content, false);
    }

    public static Call edit(String path, String oldText, String newText) {
        return new Call("Edit", args("file_path", path, "old_string", oldText, "new_string", newText),
                "The file " + path + " has been updated.", false);
    }

    public static Call bash(String command, String output, boolean error) {
        return new Call("Bash", args("command", command), output, error);
    }

    public static Call grep(String pattern, String result) {
        return new Call("Grep", args("pattern", pattern), result, false);
    }

    public ClaudeScript prompt(String text) {
        ObjectNode r = base("user");
        r.putObject("message").put("role", "user").put("content", text);
        return line(r);
    }

    /** Sets the context size (input + cache) that the next responses report. */
    public ClaudeScript context(long tokens) {
        this.context = tokens;
        return this;
    }

    /** One model response issuing these calls in parallel, then their results. */
    public ClaudeScript step(Call... calls) {
        String id = "msg_" + (++msg);
        String[] ids = new String[calls.length];
        for (int i = 0; i < calls.length; i++) {
            ids[i] = "toolu_" + (++tool);
            ObjectNode r = base("assistant");
            r.put("requestId", "req_" + msg);
            ObjectNode m = r.putObject("message");
            m.put("id", id).put("role", "assistant").put("model", "claude-test");
            ObjectNode block = m.putArray("content").addObject();
            block.put("type", "tool_use").put("id", ids[i]).put("name", calls[i].name()).set("input", calls[i].input());
            ObjectNode u = m.putObject("usage");
            u.put("input_tokens", 10).put("cache_creation_input_tokens", 0)
                    .put("cache_read_input_tokens", context - 10).put("output_tokens", 5 + i);
            line(r);
        }
        for (int i = 0; i < calls.length; i++) {
            ObjectNode r = base("user");
            ArrayNode content = r.putObject("message").put("role", "user").putArray("content");
            ObjectNode res = content.addObject();
            res.put("type", "tool_result").put("tool_use_id", ids[i]).put("content", calls[i].result());
            if (calls[i].error()) {
                res.put("is_error", true);
            }
            line(r);
        }
        return this;
    }

    public ClaudeScript compact(long preTokens) {
        ObjectNode r = base("system");
        r.put("subtype", "compact_boundary");
        r.putObject("compactMetadata").put("trigger", "auto").put("preTokens", preTokens);
        return line(r);
    }

    public String text() {
        return out.toString();
    }

    public TraceSession session() {
        TranscriptParser p = new TranscriptParser("/synthetic/session.jsonl");
        byte[] b = text().getBytes(StandardCharsets.UTF_8);
        p.feed(b, 0, b.length);
        p.finish();
        return p.snapshot();
    }

    private ObjectNode base(String type) {
        ObjectNode r = M.createObjectNode();
        r.put("type", type).put("sessionId", "synthetic").put("cwd", cwd).put("uuid", "u" + out.length())
                .put("timestamp", "2026-01-01T00:00:00Z");
        return r;
    }

    private ClaudeScript line(ObjectNode r) {
        out.append(r.toString()).append('\n');
        return this;
    }
}
