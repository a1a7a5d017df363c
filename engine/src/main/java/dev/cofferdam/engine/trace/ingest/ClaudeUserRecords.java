package dev.cofferdam.engine.trace.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.FileOp;
import java.util.ArrayList;
import java.util.List;

/** Claude Code {@code user} records: prompts and tool results (with the structured result). */
final class ClaudeUserRecords {
    private ClaudeUserRecords() {
    }

    static void user(JsonNode r, SessionBuilder b) {
        JsonNode content = r.path("message").path("content");
        if (content.isTextual()) {
            prompt(r, content.asText(), b);
            return;
        }
        if (!content.isArray()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            String type = Json.text(block, "type");
            if ("tool_result".equals(type)) {
                String out = Json.resultText(block.get("content"));
                CallDraft d = b.result(Json.text(block, "tool_use_id"), out, block.path("is_error").asBoolean(false));
                if (d != null && !d.error) {
                    structured(r.get("toolUseResult"), d, b);
                }
            } else if ("text".equals(type)) {
                text.append(Json.text(block, "text"));
            }
        }
        if (text.length() > 0) {
            prompt(r, text.toString(), b);
        }
    }

    private static void prompt(JsonNode r, String text, SessionBuilder b) {
        boolean meta = r.path("isMeta").asBoolean(false);
        if (!meta && !text.startsWith("<local-command-") && !text.startsWith("<command-")
                && !text.startsWith("[Request interrupted")) {
            b.prompt(text);
        }
    }

    /** Write results say create vs update; Edit/Write results carry a structured patch. */
    private static void structured(JsonNode tur, CallDraft d, SessionBuilder b) {
        if (tur == null || !tur.isObject() || d.effects.isEmpty()) {
            return;
        }
        String diff = patchText(tur.get("structuredPatch"));
        boolean created = "create".equals(Json.text(tur, "type"));
        b.effects(d, old -> {
            List<FileEffect> out = new ArrayList<>();
            for (FileEffect e : old) {
                FileOp op = created ? FileOp.CREATE : e.op();
                out.add(new FileEffect(e.path(), op, diff != null ? diff : e.diff(), e.beforeHash(), e.afterHash()));
            }
            return out;
        });
    }

    private static String patchText(JsonNode hunks) {
        if (hunks == null || !hunks.isArray() || hunks.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode h : hunks) {
            sb.append("@@ -").append(Json.num(h, "oldStart")).append(',').append(Json.num(h, "oldLines"))
                    .append(" +").append(Json.num(h, "newStart")).append(',').append(Json.num(h, "newLines"))
                    .append(" @@\n");
            h.path("lines").forEach(l -> sb.append(l.asText()).append('\n'));
        }
        return sb.toString();
    }
}
