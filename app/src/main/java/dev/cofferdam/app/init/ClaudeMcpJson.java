package dev.cofferdam.app.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Claude Code's project file {@code .mcp.json}: adds or updates the {@code mcpServers.cofferdam}
 * entry and keeps every other key. The comparison is on the parsed JSON, so a file that already
 * holds the same entry in another layout is left alone. Stateless and thread-safe.
 */
public final class ClaudeMcpJson {
    public static final String FILE = ".mcp.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaudeMcpJson() {
    }

    /**
     * @param before the file's content, or null when there is none
     * @throws InitException when the file is not a JSON object
     */
    public static FileEdit plan(Path file, String before, String command, List<String> args) throws InitException {
        ObjectNode root;
        try {
            JsonNode n = before == null || before.isBlank() ? JSON.createObjectNode() : JSON.readTree(before);
            if (!(n instanceof ObjectNode o)) {
                throw new InitException(file + " is not a JSON object: fix or move it, then rerun");
            }
            root = o;
        } catch (JsonProcessingException e) {
            throw new InitException("cannot parse " + file + " (" + e.getOriginalMessage() + "): fix or move it, then rerun");
        }
        JsonNode servers = root.get("mcpServers");
        if (servers != null && !servers.isObject()) {
            throw new InitException(file + ": \"mcpServers\" is not an object: fix it, then rerun");
        }
        ObjectNode entry = JSON.createObjectNode().put("command", command);
        args.forEach(entry.putArray("args")::add);
        JsonNode old = servers == null ? null : servers.get("cofferdam");
        if (entry.equals(old)) {
            return new FileEdit(file, before, before, "server cofferdam already set");
        }
        ObjectNode target = servers == null ? root.putObject("mcpServers") : (ObjectNode) servers;
        if (old instanceof ObjectNode o) {
            o.put("command", command);
            o.set("args", entry.get("args"));
        } else {
            target.set("cofferdam", entry);
        }
        return new FileEdit(file, before, write(root), (old == null ? "add" : "update") + " server cofferdam");
    }

    private static String write(ObjectNode root) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(
                Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(pp).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize JSON", e);
        }
    }
}
