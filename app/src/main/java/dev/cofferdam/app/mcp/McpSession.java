package dev.cofferdam.app.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MCP session: JSON-RPC 2.0 dispatch of {@code initialize}, {@code notifications/initialized},
 * {@code ping}, {@code tools/list} and {@code tools/call}, with protocol version negotiation.
 * Transport-neutral: the stdio and HTTP transports hand it messages and write what it returns.
 * Malformed input becomes a JSON-RPC error, never an exception. Thread-safe.
 */
public final class McpSession {
    /** Protocol revisions this server speaks, newest first. */
    public static final List<String> VERSIONS = List.of("2025-06-18", "2025-03-26", "2024-11-05");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(McpSession.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String INSTRUCTIONS = "Cofferdam answers questions about this repository's structure: "
            + "call context_for_change or blast_radius before editing, dependents/owners for one file.";

    private final MapTools tools;
    private final String serverVersion;
    private volatile String protocolVersion = VERSIONS.get(0);
    private volatile boolean initialized;

    public McpSession(MapTools tools, String serverVersion) {
        this.tools = tools;
        this.serverVersion = serverVersion;
    }

    /** The revision agreed in {@code initialize}. */
    public String protocolVersion() {
        return protocolVersion;
    }

    public boolean initialized() {
        return initialized;
    }

    /** Parses one message; a syntax error is a {@link RpcException#PARSE_ERROR}. */
    public static JsonNode parse(String text) throws RpcException {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw new RpcException(RpcException.PARSE_ERROR, "parse error: empty message");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new RpcException(RpcException.PARSE_ERROR, "parse error: " + e.getOriginalMessage());
        }
    }

    /** Handles one message text; returns the response text, or null when there is nothing to answer. */
    public String handle(String text) {
        JsonNode msg;
        try {
            msg = parse(text);
        } catch (RpcException e) {
            return error(null, e).toString();
        }
        JsonNode out = handle(msg);
        return out == null ? null : out.toString();
    }

    /** Handles a parsed message or batch; returns the response (an array for a batch) or null. */
    public JsonNode handle(JsonNode msg) {
        if (msg.isArray()) {
            if (msg.isEmpty()) {
                return error(null, new RpcException(RpcException.INVALID_REQUEST, "invalid request: empty batch"));
            }
            ArrayNode out = F.arrayNode();
            for (JsonNode m : msg) {
                JsonNode r = handleOne(m);
                if (r != null) {
                    out.add(r);
                }
            }
            return out.isEmpty() ? null : out;
        }
        return handleOne(msg);
    }

    private JsonNode handleOne(JsonNode m) {
        JsonNode id = m.isObject() ? m.get("id") : null;
        try {
            if (!m.isObject() || !"2.0".equals(m.path("jsonrpc").asText(null))) {
                throw new RpcException(RpcException.INVALID_REQUEST, "invalid request: expected a JSON-RPC 2.0 object");
            }
            if (!m.has("method") && (m.has("result") || m.has("error"))) {
                return null; // a response to us: we send no requests, nothing to match
            }
            JsonNode method = m.get("method");
            if (method == null || !method.isTextual()) {
                throw new RpcException(RpcException.INVALID_REQUEST, "invalid request: no method");
            }
            if (id != null && !id.isTextual() && !id.isIntegralNumber()) {
                id = null;
                throw new RpcException(RpcException.INVALID_REQUEST, "invalid request: id must be a string or an integer");
            }
            JsonNode params = m.get("params");
            if (params != null && !params.isNull() && !params.isObject()) {
                throw new RpcException(RpcException.INVALID_PARAMS, "invalid params: params must be an object");
            }
            if (id == null) {
                notification(method.asText());
                return null;
            }
            return result(id, request(method.asText(), params == null ? F.objectNode() : params));
        } catch (RpcException e) {
            return m.isObject() && !m.has("id") && m.has("method") ? null : error(id, e);
        } catch (RuntimeException e) {
            LOG.error("MCP request failed: {}", m, e);
            return error(id, new RpcException(RpcException.INTERNAL_ERROR, "internal error: " + e));
        }
    }

    private void notification(String method) {
        if (method.equals("notifications/initialized")) {
            initialized = true;
        }
        // other notifications (cancelled, progress, roots/list_changed) need nothing from us
    }

    private JsonNode request(String method, JsonNode params) throws RpcException {
        switch (method) {
            case "initialize":
                return initialize(params);
            case "ping":
                return F.objectNode();
            case "tools/list":
                return toolsList();
            case "tools/call":
                return toolsCall(params);
            default:
                throw new RpcException(RpcException.METHOD_NOT_FOUND, "method not found: " + method);
        }
    }

    private JsonNode initialize(JsonNode params) throws RpcException {
        JsonNode v = params.get("protocolVersion");
        if (v == null || !v.isTextual()) {
            throw new RpcException(RpcException.INVALID_PARAMS, "invalid params: initialize needs protocolVersion");
        }
        protocolVersion = VERSIONS.contains(v.asText()) ? v.asText() : VERSIONS.get(0);
        ObjectNode r = F.objectNode().put("protocolVersion", protocolVersion);
        r.putObject("capabilities").putObject("tools").put("listChanged", false);
        r.putObject("serverInfo").put("name", "cofferdam").put("version", serverVersion);
        r.put("instructions", INSTRUCTIONS);
        return r;
    }

    /** The {@code tools/list} result. */
    public static ObjectNode toolsList() {
        ObjectNode r = F.objectNode();
        ArrayNode a = r.putArray("tools");
        for (ToolSpec t : ToolCatalog.tools()) {
            a.addObject().put("name", t.name()).put("description", t.description()).set("inputSchema", t.inputSchema());
        }
        return r;
    }

    private JsonNode toolsCall(JsonNode params) throws RpcException {
        JsonNode name = params.get("name");
        if (name == null || !name.isTextual()) {
            throw new RpcException(RpcException.INVALID_PARAMS, "invalid params: tools/call needs a tool name");
        }
        ToolResult t = tools.call(name.asText(), params.get("arguments"));
        ObjectNode r = F.objectNode();
        r.putArray("content").addObject().put("type", "text").put("text", t.text());
        r.put("isError", t.isError());
        return r;
    }

    private static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode o = F.objectNode().put("jsonrpc", "2.0");
        o.set("id", id);
        o.set("result", result);
        return o;
    }

    static ObjectNode error(JsonNode id, RpcException e) {
        ObjectNode o = F.objectNode().put("jsonrpc", "2.0");
        o.set("id", id == null ? F.nullNode() : id);
        o.putObject("error").put("code", e.code()).put("message", e.getMessage());
        return o;
    }
}
