package dev.cofferdam.engine.trace.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofferdam.engine.trace.AgentKind;

/** Tells which agent wrote a record from its shape. Stateless, thread-safe. */
final class FormatDetector {
    private FormatDetector() {
    }

    /** @return the agent, or UNKNOWN when this record alone does not tell */
    static AgentKind detect(JsonNode r) {
        String type = Json.text(r, "type");
        if (type != null && r.has("payload")) {
            return AgentKind.CODEX;
        }
        if (r.has("messages") || r.has("projectHash") || "gemini".equals(type)
                || type == null && r.has("sessionId") && r.has("startTime")) {
            return AgentKind.GEMINI;
        }
        if (type != null && (r.has("uuid") || r.has("messageId") || r.has("sessionId") || r.has("leafUuid"))) {
            return AgentKind.CLAUDE_CODE;
        }
        if ("user".equals(type) && r.has("content") && !r.has("message")) {
            return AgentKind.GEMINI;
        }
        return AgentKind.UNKNOWN;
    }
}
