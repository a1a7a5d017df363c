package dev.cofferdam.app.run;

/**
 * The host services of a run as the guest addresses them: reserved names under
 * {@code cofferdam.internal} on the proxy port, which work through {@code HTTP_PROXY} and, for
 * clients that ignore it, straight through the guest's {@code /etc/hosts}. Immutable.
 *
 * @param mcpUrl       the MCP server (streamable HTTP)
 * @param telemetryUrl the OTLP/HTTP base URL (the exporter appends {@code /v1/logs})
 * @param hooksUrl     the hook receiver
 */
public record GuestEndpoints(String mcpUrl, String telemetryUrl, String hooksUrl) {
}
