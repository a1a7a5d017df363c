package dev.cofferdam.app.receiver;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 request as the loopback server read it, and the answer to send.
 *
 * @param method  "POST", "GET", ...
 * @param path    the request path without the query
 * @param headers header names in lower case
 * @param body    the request body
 */
public record HttpExchange(String method, String path, Map<String, String> headers, byte[] body) {
    public HttpExchange {
        headers = Map.copyOf(headers);
    }

    /** @return the content type without parameters, lower case, or "" */
    public String contentType() {
        String ct = headers.getOrDefault("content-type", "");
        int semi = ct.indexOf(';');
        return (semi >= 0 ? ct.substring(0, semi) : ct).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * An answer.
     *
     * @param status      HTTP status
     * @param contentType its content type
     * @param body        its body
     */
    public record Reply(int status, String contentType, String body) {
        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }

        byte[] bytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }
}
