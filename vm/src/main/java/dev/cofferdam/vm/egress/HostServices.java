package dev.cofferdam.vm.egress;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Services of the host that a sandbox may reach through its proxy by a reserved name under
 * {@value #DOMAIN} (for example the MCP server and the trace receiver that {@code cofferdam run}
 * starts on 127.0.0.1). A registered name is routed to its loopback port whatever the sandbox's
 * tier, and logged with the rule {@code service:NAME}; an unregistered name under the domain is
 * decided by the policy like any other (and so denied: it does not resolve). Plain HTTP only,
 * in absolute form through the proxy or, for clients that ignore {@code HTTP_PROXY}, in origin
 * form sent straight to the proxy port (the guest's {@code /etc/hosts} maps the names to it).
 * Thread-safe.
 */
public final class HostServices {
    /** The reserved domain; {@code .internal} is set aside for private use and never delegated. */
    public static final String DOMAIN = "cofferdam.internal";

    private final Map<String, Map<String, Integer>> bySandbox = new ConcurrentHashMap<>();

    /**
     * Routes {@code label.cofferdam.internal} of one sandbox to a port on 127.0.0.1.
     *
     * @param sandbox the sandbox
     * @param label   a DNS label, e.g. {@code mcp}
     * @param port    the loopback port the service listens on
     * @return the host name to use inside the guest
     */
    public String register(String sandbox, String label, int port) {
        if (!label.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("not a DNS label: " + label);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid port " + port);
        }
        String host = label + "." + DOMAIN;
        bySandbox.computeIfAbsent(sandbox, s -> new ConcurrentHashMap<>()).put(host, port);
        return host;
    }

    /** Removes one route of a sandbox; other routes stay. */
    public void unregister(String sandbox, String label) {
        Map<String, Integer> routes = bySandbox.get(sandbox);
        if (routes != null) {
            routes.remove(label + "." + DOMAIN);
        }
    }

    /**
     * @param sandbox the sandbox asking
     * @param host    the canonical host name of the request
     * @return the loopback port of a service registered for that sandbox under that name
     */
    public OptionalInt port(String sandbox, String host) {
        Map<String, Integer> routes = bySandbox.get(sandbox);
        Integer p = routes == null ? null : routes.get(host);
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }

    /** @return whether the name lies under {@value #DOMAIN} (so a guest's origin-form request may name it) */
    static boolean isServiceName(String host) {
        return host.endsWith("." + DOMAIN);
    }
}
