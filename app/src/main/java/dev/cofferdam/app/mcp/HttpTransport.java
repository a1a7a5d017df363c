package dev.cofferdam.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP streamable HTTP on loopback only: {@code POST /mcp} carries JSON-RPC messages and gets a JSON
 * (or, when the client accepts only that, an SSE) response; {@code initialize} opens a session
 * named by the {@code Mcp-Session-Id} header, {@code DELETE /mcp} ends it. Requests from a foreign
 * {@code Origin} are refused (DNS rebinding). Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {
    public static final String PATH = "/mcp";
    static final String SESSION_HEADER = "Mcp-Session-Id";
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final int MAX_BODY = 4 << 20;

    private final Supplier<McpSession> sessions;
    private final Map<String, McpSession> open = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService pool;

    /**
     * Binds 127.0.0.1:{@code port} (0 = any free port) and starts serving.
     *
     * @param sessions makes the session of each {@code initialize}
     */
    public HttpTransport(int port, Supplier<McpSession> sessions) throws IOException {
        this.sessions = sessions;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "cofferdam-mcp-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext(PATH, this::exchange);
        server.start();
    }

    /** The endpoint, e.g. {@code http://127.0.0.1:41234/mcp}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestURI().getPath().equals(PATH)) {
                send(ex, 404, null, null);
            } else if (!localOrigin(ex.getRequestHeaders().getFirst("Origin"))) {
                send(ex, 403, "text/plain", "foreign Origin refused");
            } else {
                switch (ex.getRequestMethod()) {
                    case "POST" -> post(ex);
                    case "DELETE" -> send(ex, open.remove(sessionId(ex)) != null ? 200 : 404, null, null);
                    default -> {
                        ex.getResponseHeaders().set("Allow", "POST, DELETE");
                        send(ex, 405, null, null);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("MCP HTTP exchange failed: {}", e.toString());
        }
    }

    private void post(HttpExchange ex) throws IOException {
        byte[] body = read(ex.getRequestBody());
        if (body == null) {
            rpcError(ex, 413, new RpcException(RpcException.INVALID_REQUEST, "request too large"));
            return;
        }
        JsonNode msg;
        try {
            msg = McpSession.parse(new String(body, StandardCharsets.UTF_8));
        } catch (RpcException e) {
            rpcError(ex, 400, e);
            return;
        }
        McpSession session;
        if (msg.isObject() && "initialize".equals(msg.path("method").asText())) {
            session = sessions.get();
            String id = UUID.randomUUID().toString();
            open.put(id, session);
            ex.getResponseHeaders().set(SESSION_HEADER, id);
        } else {
            String id = sessionId(ex);
            if (id == null) {
                rpcError(ex, 400, new RpcException(RpcException.INVALID_REQUEST, "missing " + SESSION_HEADER + " header: initialize first"));
                return;
            }
            session = open.get(id);
            if (session == null) {
                rpcError(ex, 404, new RpcException(RpcException.INVALID_REQUEST, "unknown or ended session: initialize again"));
                return;
            }
            String version = ex.getRequestHeaders().getFirst("MCP-Protocol-Version");
            if (version != null && !McpSession.VERSIONS.contains(version)) {
                rpcError(ex, 400, new RpcException(RpcException.INVALID_REQUEST, "unsupported MCP-Protocol-Version " + version));
                return;
            }
        }
        JsonNode response = session.handle(msg);
        if (response == null) {
            send(ex, 202, null, null);
        } else if (sseOnly(ex.getRequestHeaders().getFirst("Accept"))) {
            send(ex, 200, "text/event-stream", "event: message\ndata: " + response + "\n\n");
        } else {
            send(ex, 200, "application/json", response.toString());
        }
    }

    private static boolean sseOnly(String accept) {
        return accept != null && accept.contains("text/event-stream") && !accept.contains("application/json");
    }

    private static String sessionId(HttpExchange ex) {
        return ex.getRequestHeaders().getFirst(SESSION_HEADER);
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

    private static byte[] read(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY + 1);
        return b.length > MAX_BODY ? null : b;
    }

    private static void rpcError(HttpExchange ex, int status, RpcException e) throws IOException {
        send(ex, status, "application/json", McpSession.error(null, e).toString());
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        }
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
