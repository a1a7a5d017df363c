package dev.cofferdam.engine.trace.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of a Codex call: plain text with "Process exited with code N" (exec_command), JSON
 * {@code {"output":..,"metadata":{"exit_code":N}}} (shell, apply_patch), or an object with
 * {@code success}. Volatile header lines (chunk id, wall time) are dropped so that identical runs
 * hash identically.
 *
 * @param text   the output text used for hashing and size
 * @param failed non-zero exit or success=false
 */
record CodexOutput(String text, boolean failed) {
    private static final Pattern EXIT = Pattern.compile("(?m)^(?:Process exited with code|Exit code:) (-?\\d+)");
    private static final Pattern VOLATILE = Pattern.compile("(?m)^(?:Chunk ID|Wall time|Session ID):.*\\n?");

    static CodexOutput read(JsonNode output) {
        if (output == null || output.isNull()) {
            return new CodexOutput("", false);
        }
        if (output.isObject()) {
            return fromObject(output);
        }
        String s = output.asText();
        if (s.startsWith("{")) {
            try {
                JsonNode o = TranscriptParser.TREE.readValue(s);
                if (o != null && o.isObject() && o.has("output")) {
                    return fromObject(o);
                }
            } catch (IOException e) {
                // plain text that happens to start with a brace
            }
        }
        Matcher m = EXIT.matcher(s);
        boolean failed = m.find() && !m.group(1).equals("0");
        return new CodexOutput(VOLATILE.matcher(s).replaceAll(""), failed);
    }

    private static CodexOutput fromObject(JsonNode o) {
        String text = Json.text(o, "output");
        if (text == null) {
            text = Json.resultText(o.get("content"));
        }
        JsonNode exit = o.path("metadata").get("exit_code");
        boolean failed = exit != null && exit.asInt(0) != 0 || o.has("success") && !o.path("success").asBoolean(true);
        return new CodexOutput(text, failed);
    }
}
