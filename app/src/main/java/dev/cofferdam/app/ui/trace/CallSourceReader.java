package dev.cofferdam.app.ui.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.ToolCall;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a call's full input and result back from its transcript (the normalized model keeps only
 * hashes and an excerpt): the lines mentioning the call id are searched for a Claude
 * {@code tool_use}/{@code tool_result} pair or a Codex {@code function_call}/{@code *_output} pair.
 * O(file size) per call; called off the FX thread. Stateless.
 */
final class CallSourceReader {
    private static final ObjectMapper M = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MAX = 200_000;

    private CallSourceReader() {
    }

    static CallDetail read(Path transcript, ToolCall call) {
        String[] found = {"", null};
        JsonNode[] inputNode = {null};
        if (call.id() != null && transcript != null && Files.isRegularFile(transcript)) {
            try (BufferedReader r = Files.newBufferedReader(transcript, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null && (found[0].isEmpty() || found[1] == null)) {
                    if (line.contains(call.id())) {
                        walk(readTree(line), call.id(), found, inputNode);
                    }
                }
            } catch (IOException e) {
                found[1] = "(cannot read the transcript: " + e.getMessage() + ")";
            }
        }
        String result = found[1] != null ? found[1] : call.excerpt() != null ? call.excerpt() : "";
        List<FileEffect> diffs = new ArrayList<>();
        for (FileEffect e : call.effects()) {
            String d = e.diff() != null ? e.diff() : EditDiff.fromInput(inputNode[0]);
            if (d != null) {
                diffs.add(new FileEffect(e.path(), e.op(), d, e.beforeHash(), e.afterHash()));
            }
        }
        return new CallDetail(call, found[0], clip(result), diffs);
    }

    private static JsonNode readTree(String line) {
        try {
            return M.readTree(line);
        } catch (IOException e) {
            return M.nullNode();
        }
    }

    private static void walk(JsonNode n, String id, String[] found, JsonNode[] inputNode) {
        if (n.isObject()) {
            if (id.equals(n.path("id").asText()) && n.has("input")) {
                inputNode[0] = n.get("input");
                found[0] = pretty(n.get("input"));
            } else if (id.equals(n.path("call_id").asText()) && n.has("arguments")) {
                found[0] = pretty(n.get("arguments"));
            } else if (id.equals(n.path("tool_use_id").asText()) && n.has("content")) {
                found[1] = text(n.get("content"));
            } else if (id.equals(n.path("call_id").asText()) && n.has("output")) {
                found[1] = text(n.get("output"));
            }
        }
        if (n.isContainerNode()) {
            n.forEach(child -> walk(child, id, found, inputNode));
        }
    }

    private static String pretty(JsonNode n) {
        try {
            JsonNode v = n.isTextual() && n.asText().startsWith("{") ? M.readTree(n.asText()) : n;
            return clip(v.isTextual() ? v.asText() : M.writeValueAsString(v));
        } catch (IOException e) {
            return n.asText();
        }
    }

    private static String text(JsonNode n) {
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isArray()) {
            StringBuilder b = new StringBuilder();
            n.forEach(part -> b.append(part.has("text") ? part.get("text").asText() : part.toString()).append('\n'));
            return b.toString();
        }
        return n.toString();
    }

    private static String clip(String s) {
        return s.length() <= MAX ? s : s.substring(0, MAX) + "\n… (" + (s.length() - MAX) + " more characters)";
    }
}
