package dev.cofferdam.app.ui.walls;

import dev.cofferdam.vm.policy.CanonicalHost;
import dev.cofferdam.vm.policy.HostCanonicalizer;
import dev.cofferdam.vm.policy.HostSyntaxException;

/**
 * A {@code HOST[:PORT]} typed into "check a host" (port 443 when omitted), read the way
 * {@code cofferdam policy check} reads it.
 *
 * @param host the canonical host
 * @param port the port
 */
record HostTarget(CanonicalHost host, int port) {
    static final int DEFAULT_PORT = 443;

    /** @throws IllegalArgumentException with a one-line reason */
    static HostTarget parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("type a host, e.g. api.example.com or api.example.com:8443");
        }
        String host = t;
        int port = DEFAULT_PORT;
        int colon = t.lastIndexOf(':');
        boolean bracketed = t.startsWith("[");
        boolean hasPort = colon > 0 && (bracketed ? t.lastIndexOf(']') < colon : t.indexOf(':') == colon);
        if (hasPort) {
            String p = t.substring(colon + 1);
            if (p.isEmpty() || p.length() > 5 || !p.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(p) < 1 || Integer.parseInt(p) > 65535) {
                throw new IllegalArgumentException("invalid port '" + p + "'");
            }
            port = Integer.parseInt(p);
            host = t.substring(0, colon);
        }
        try {
            return new HostTarget(HostCanonicalizer.fromUser(host), port);
        } catch (HostSyntaxException e) {
            throw new IllegalArgumentException("invalid host '" + host + "': " + e.getMessage(), e);
        }
    }
}
