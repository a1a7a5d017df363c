package dev.cofferdam.app.ui.trace;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A diff built from an edit tool's own arguments, for records that carry no patch (hook and
 * telemetry sessions, older transcripts): Edit's old/new strings, MultiEdit's edits, Write's content.
 * Stateless.
 */
final class EditDiff {
    private EditDiff() {
    }

    /** @return "-old" / "+new" lines, or null when the input is not an edit's */
    static String fromInput(JsonNode input) {
        if (input == null || !input.isObject()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        if (input.has("old_string") || input.has("new_string")) {
            pair(b, input);
        } else if (input.path("edits").isArray()) {
            input.get("edits").forEach(e -> pair(b, e));
        } else if (input.hasNonNull("content")) {
            lines(b, "+", input.get("content").asText());
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static void pair(StringBuilder b, JsonNode e) {
        lines(b, "-", e.path("old_string").asText(""));
        lines(b, "+", e.path("new_string").asText(""));
    }

    private static void lines(StringBuilder b, String sign, String text) {
        if (text.isEmpty()) {
            return;
        }
        for (String l : text.split("\n", -1)) {
            b.append(sign).append(l).append('\n');
        }
    }
}
