package dev.cofferdam.app.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hook endpoint ({@code POST /hooks}) and the OTLP/HTTP logs endpoint ({@code POST /v1/logs},
 * JSON encoding) on one loopback port. Both append to the session files of {@link ReceivedSessions},
 * which the transcript tailer and parser read like any transcript. Thread-safe.
 */
public final class TraceReceivers implements AutoCloseable {
    public static final String HOOK_PATH = "/hooks";
    public static final String LOGS_PATH = "/v1/logs";
    private static final Logger LOG = LoggerFactory.getLogger(TraceReceivers.class);
    private static final ObjectMapper M = new ObjectMapper();

    private final ReceivedSessions sessions;
    private final HookReceiver hooks;
    private final OtlpLogsReceiver logs;
    private final LoopbackHttpServer server;

    /**
     * Starts both receivers on 127.0.0.1.
     *
     * @param dataDir the trace data directory (sessions go to its {@code received} folder)
     * @param port    the port, 0 for any free one
     * @throws IOException when the port cannot be bound
     */
    public TraceReceivers(Path dataDir, int port) throws IOException {
        this.sessions = new ReceivedSessions(dataDir);
        this.hooks = new HookReceiver(sessions);
        this.logs = new OtlpLogsReceiver(sessions);
        this.server = new LoopbackHttpServer(port, this::handle);
    }

    public ReceivedSessions sessions() {
        return sessions;
    }

    public int port() {
        return server.port();
    }

    /** @return the URL to configure as a Claude Code http hook */
    public String hookUrl() {
        return server.baseUrl() + HOOK_PATH;
    }

    /** @return the value for OTEL_EXPORTER_OTLP_ENDPOINT (the exporter appends /v1/logs) */
    public String otlpEndpoint() {
        return server.baseUrl();
    }

    /** @return Claude Code settings JSON with PreToolUse and PostToolUse http hooks posting to {@code url} */
    public static String claudeHooksJson(String url) {
        String entry = "[{\"matcher\": \"*\", \"hooks\": [{\"type\": \"http\", \"url\": \"" + url + "\"}]}]";
        return "{\n  \"hooks\": {\n    \"PreToolUse\": " + entry + ",\n    \"PostToolUse\": " + entry + "\n  }\n}";
    }

    HttpExchange.Reply handle(HttpExchange ex) {
        boolean hook = ex.path().equals(HOOK_PATH);
        boolean otlp = ex.path().equals(LOGS_PATH);
        if (!hook && !otlp) {
            return HttpExchange.Reply.json(404, "{\"error\":\"use POST " + HOOK_PATH + " or POST " + LOGS_PATH + "\"}");
        }
        if (!ex.method().equals("POST")) {
            return HttpExchange.Reply.json(405, "{\"error\":\"POST only\"}");
        }
        if (otlp && !ex.contentType().equals("application/json")) {
            return HttpExchange.Reply.json(415, "{\"error\":\"only the OTLP JSON encoding is accepted: set "
                    + "OTEL_EXPORTER_OTLP_PROTOCOL=http/json (got " + (ex.contentType().isEmpty() ? "no content type"
                    : ex.contentType()) + ")\"}");
        }
        JsonNode body;
        try {
            body = M.readTree(ex.body());
        } catch (IOException e) {
            return HttpExchange.Reply.json(400, "{\"error\":\"the body is not JSON\"}");
        }
        if (body == null || !body.isObject()) {
            return HttpExchange.Reply.json(400, "{\"error\":\"the body must be a JSON object\"}");
        }
        try {
            if (hook) {
                hooks.accept(body);
                return HttpExchange.Reply.json(200, "{}");
            }
            logs.accept(body);
            return HttpExchange.Reply.json(200, "{\"partialSuccess\":{}}");
        } catch (IllegalArgumentException e) {
            return HttpExchange.Reply.json(400, M.createObjectNode().put("error", e.getMessage()).toString());
        } catch (IOException e) {
            LOG.error("cannot write a received session under {}", sessions.dir(), e);
            return HttpExchange.Reply.json(500, "{\"error\":\"cannot write the session file\"}");
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
