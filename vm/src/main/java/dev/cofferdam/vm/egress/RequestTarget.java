package dev.cofferdam.vm.egress;

import dev.cofferdam.vm.policy.CanonicalHost;
import dev.cofferdam.vm.policy.HostCanonicalizer;
import dev.cofferdam.vm.policy.HostSyntaxException;
import java.util.Locale;

/**
 * Where a proxied request goes: parsed from an absolute-form URI or a CONNECT authority. Userinfo
 * is dropped (the real host is after the last {@code @}). Immutable.
 *
 * @param host the canonical host
 * @param port the port
 * @param path the origin-form path and query to send upstream ({@code /} at least); empty for CONNECT
 */
record RequestTarget(CanonicalHost host, int port, String path) {

    /** @return the path with any query string replaced by {@code ?<redacted>} (for logs) */
    String redactedPath() {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q) + "?<redacted>";
    }

    /** @return the Host header value for upstream */
    String hostHeader() {
        return port == 80 ? host.authorityForm() : host.authorityForm() + ":" + port;
    }

    /**
     * @param uri the request-target of a non-CONNECT request
     * @throws BadRequestException 400 for origin-form, other schemes, or a malformed authority
     */
    static RequestTarget absolute(String uri) throws BadRequestException {
        if (uri.startsWith("/") || uri.equals("*")) {
            throw new BadRequestException(400,
                    "origin-form request to a proxy; send an absolute URI (http://host/path)");
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://")) {
            throw new BadRequestException(400, lower.startsWith("https://")
                    ? "https URIs go through CONNECT" : "only http:// absolute URIs are proxied");
        }
        String rest = uri.substring("http://".length());
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String authority = rest.substring(0, end);
        String path = rest.substring(end);
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        if (path.isEmpty() || path.startsWith("?")) {
            path = "/" + path;
        }
        return parse(authority, 80, path);
    }

    /**
     * An origin-form request sent straight to the proxy port, addressed by its Host header. Only
     * host services accept these ({@link HostServices}); for anything else the caller answers as
     * {@link #absolute} does.
     *
     * @param hostHeader the Host header
     * @param uri        the origin-form request-target
     * @throws BadRequestException 400 when the Host header is malformed
     */
    static RequestTarget origin(String hostHeader, String uri) throws BadRequestException {
        int hash = uri.indexOf('#');
        return parse(hostHeader.strip(), 80, hash < 0 ? uri : uri.substring(0, hash));
    }

    /** @return the same target on another port (a host service's loopback port) */
    RequestTarget withPort(int p) {
        return new RequestTarget(host, p, path);
    }

    /**
     * @param authority the CONNECT request-target, {@code host:port}
     * @throws BadRequestException 400 when malformed or without a port
     */
    static RequestTarget connect(String authority) throws BadRequestException {
        if (authority.indexOf('@') >= 0 || authority.indexOf('/') >= 0) {
            throw new BadRequestException(400, "CONNECT target must be host:port");
        }
        return parse(authority, -1, "");
    }

    private static RequestTarget parse(String authority, int defaultPort, String path) throws BadRequestException {
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new BadRequestException(400, "unterminated IPv6 literal in '" + hostPort + "'");
            }
            host = hostPort.substring(0, close + 1);
            String tail = hostPort.substring(close + 1);
            if (!tail.isEmpty()) {
                if (!tail.startsWith(":")) {
                    throw new BadRequestException(400, "unexpected text after IPv6 literal");
                }
                port = tail.substring(1);
            }
        } else {
            int colon = hostPort.indexOf(':');
            if (colon >= 0 && hostPort.indexOf(':', colon + 1) >= 0) {
                throw new BadRequestException(400, "IPv6 literals must be in brackets");
            }
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        int p = port == null || port.isEmpty() ? defaultPort : parsePort(port);
        if (p < 0) {
            throw new BadRequestException(400, "CONNECT target needs a port");
        }
        try {
            return new RequestTarget(HostCanonicalizer.fromWire(host), p, path);
        } catch (HostSyntaxException e) {
            throw new BadRequestException(400, e.getMessage());
        }
    }

    private static int parsePort(String port) throws BadRequestException {
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRequestException(400, "invalid port '" + port + "'");
        }
        int p = Integer.parseInt(port);
        if (p < 1 || p > 65535) {
            throw new BadRequestException(400, "invalid port '" + port + "'");
        }
        return p;
    }
}
