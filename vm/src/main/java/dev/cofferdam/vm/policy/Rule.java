package dev.cofferdam.vm.policy;

import java.net.InetAddress;
import java.util.Locale;

/**
 * One parsed rule. Name rules match canonical host names: {@link Kind#EXACT} ({@code example.com}),
 * {@link Kind#ONE_LABEL} ({@code *.example.com}: exactly one more label), {@link Kind#ANY_DEPTH}
 * ({@code **.example.com}: one or more labels; the bare name needs its own rule), {@link Kind#ANY}
 * ({@code *} or {@code **}: every name, the Open tier). {@link Kind#CIDR} rules match IP literals
 * and, for deny rules, resolved addresses. Port: {@link #PORT_DEFAULT} means 80 and 443 for allow
 * rules and every port for deny rules; {@link #PORT_ANY} ({@code :*}) every port. Immutable and
 * thread-safe.
 *
 * @param action  allow or deny
 * @param kind    the kind of pattern
 * @param pattern the canonical name or suffix (without the wildcard label); empty for ANY and CIDR
 * @param cidr    the address block for CIDR rules, else {@code null}
 * @param port    a port, {@link #PORT_DEFAULT} or {@link #PORT_ANY}
 * @param text    the canonical rule text, e.g. {@code **.example.com:8443}
 */
public record Rule(RuleAction action, Kind kind, String pattern, Cidr cidr, int port, String text) {
    public static final int PORT_DEFAULT = 0;
    public static final int PORT_ANY = -1;

    /** The pattern kinds. */
    public enum Kind { EXACT, ONE_LABEL, ANY_DEPTH, ANY, CIDR }

    /** @return whether this rule matches the canonical name on the port */
    public boolean matchesName(String name, int p) {
        if (!portMatches(p)) {
            return false;
        }
        switch (kind) {
            case EXACT:
                return name.equals(pattern);
            case ONE_LABEL: {
                if (!name.endsWith("." + pattern)) {
                    return false;
                }
                String head = name.substring(0, name.length() - pattern.length() - 1);
                return !head.isEmpty() && head.indexOf('.') < 0;
            }
            case ANY_DEPTH:
                return name.endsWith("." + pattern) && name.length() > pattern.length() + 1;
            case ANY:
                return true;
            default:
                return false;
        }
    }

    /** @return whether this CIDR rule covers the address on the port */
    public boolean matchesAddress(InetAddress a, int p) {
        return kind == Kind.CIDR && portMatches(p) && cidr.contains(a);
    }

    /** @return whether this is an allow rule naming exactly this IP and this port (the always-denied exemption) */
    public boolean namesExactly(InetAddress a, int p) {
        return action == RuleAction.ALLOW && kind == Kind.CIDR && cidr.isSingleAddress()
                && port == p && cidr.contains(a);
    }

    private boolean portMatches(int p) {
        if (port == PORT_ANY) {
            return true;
        }
        if (port == PORT_DEFAULT) {
            return action == RuleAction.DENY || p == 80 || p == 443;
        }
        return port == p;
    }

    /** @return the rule as a line of a policy file, e.g. {@code allow *.example.com} */
    public String line() {
        return action.name().toLowerCase(Locale.ROOT) + " " + text;
    }
}
