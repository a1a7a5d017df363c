package dev.cofferdam.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The streamable-HTTP rules of the MCP endpoint, apart from any server library: {@code POST}
 * carries JSON-RPC messages and gets a JSON response (an SSE one when the client accepts only
 * that), 202 for notifications; {@code initialize} opens a session named by
 * {@code Mcp-Session-Id}; {@code DELETE} ends it; a foreign {@code Origin} is refused (DNS
 * rebinding); an unsupported {@code MCP-Protocol-Version} is a 400. Thread-safe.
 */
final class HttpEndpoint {
    static final String SESSION_HEADER = "Mcp-Session-Id";

    private final Supplier<McpSession> sessions;
    private final Map<String, McpSession> open = new ConcurrentHashMap<>();

    HttpEndpoint(Supplier<McpSession> sessions) {
        this.sessions = sessions;
    }

    /**
     * @param header a request header by name (case-insensitive), or null
     */
    HttpReply handle(String method, String path, Function<String, String> header, String body) {
        if (!path.equals(HttpTransport.PATH)) {
            return HttpReply.empty(404);
        }
        if (!localOrigin(header.apply("Origin"))) {
            return new HttpReply(403, "text/plain", "foreign Origin refused", Map.of());
        }
        return switch (method) {
            case "POST" -> post(header, body);
            case "DELETE" -> {
                String id = header.apply(SESSION_HEADER);
                yield HttpReply.empty(id != null && open.remove(id) != null ? 200 : 404);
            }
            default -> new HttpReply(405, null, "", Map.of("Allow", "POST, DELETE"));
        };
    }

    private HttpReply post(Function<String, String> header, String body) {
        JsonNode msg;
        try {
            msg = McpSession.parse(body);
        } catch (RpcException e) {
            return rpcError(400, e);
        }
        McpSession session;
        Map<String, String> extra = Map.of();
        if (msg.isObject() && "initialize".equals(msg.path("method").asText())) {
            session = sessions.get();
            String id = UUID.randomUUID().toString();
            open.put(id, session);
            extra = Map.of(SESSION_HEADER, id);
        } else {
            String id = header.apply(SESSION_HEADER);
            if (id == null) {
                return rpcError(400, new RpcException(RpcException.INVALID_REQUEST,
                        "missing " + SESSION_HEADER + " header: initialize first"));
            }
            session = open.get(id);
            if (session == null) {
                return rpcError(404, new RpcException(RpcException.INVALID_REQUEST, "unknown or ended session: initialize again"));
            }
            String version = header.apply("MCP-Protocol-Version");
            if (version != null && !McpSession.VERSIONS.contains(version)) {
                return rpcError(400, new RpcException(RpcException.INVALID_REQUEST, "unsupported MCP-Protocol-Version " + version));
            }
        }
        JsonNode response = session.handle(msg);
        if (response == null) {
            return new HttpReply(202, null, "", extra);
        }
        if (sseOnly(header.apply("Accept"))) {
            return new HttpReply(200, "text/event-stream", "event: message\ndata: " + response + "\n\n", extra);
        }
        return new HttpReply(200, "application/json", response.toString(), extra);
    }

    private static boolean sseOnly(String accept) {
        return accept != null && accept.contains("text/event-stream") && !accept.contains("application/json");
    }

    /** No Origin (a non-browser client) or a loopback one. */
    static boolean localOrigin(String origin) {
        if (origin == null) {
            return true;
        }
        try {
            String host = URI.create(origin).getHost();
            return host != null && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static HttpReply rpcError(int status, RpcException e) {
        return HttpReply.json(status, McpSession.error(null, e).toString());
    }
}
