package dev.cofferdam.app.mcp;

import java.util.Map;

/**
 * One HTTP response of the MCP endpoint.
 *
 * @param status      HTTP status
 * @param contentType media type of the body, or null when there is none
 * @param body        the body ("" for none)
 * @param headers     extra headers (Mcp-Session-Id, Allow)
 */
record HttpReply(int status, String contentType, String body, Map<String, String> headers) {
    HttpReply {
        headers = Map.copyOf(headers);
    }

    static HttpReply empty(int status) {
        return new HttpReply(status, null, "", Map.of());
    }

    static HttpReply json(int status, String body) {
        return new HttpReply(status, "application/json", body, Map.of());
    }
}
