package dev.cofferdam.vm.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses rule text: {@code example.com}, {@code *.example.com}, {@code **.example.com}, any of
 * them with {@code :port} or {@code :*}; {@code 203.0.113.7}, {@code 203.0.113.0/24},
 * {@code [2001:db8::1]:443}, {@code [2001:db8::]/32:443}, {@code 2001:db8::/32}; {@code *} or
 * {@code **} alone (the Open tier, with a warning). Errors name the 1-based column. Stateless and
 * thread-safe.
 */
public final class RuleParser {
    private RuleParser() {
    }

    /**
     * @param action allow or deny
     * @param raw    the rule text as typed
     * @return the rule in canonical form
     * @throws RuleSyntaxException with the column of the first error
     */
    public static Rule parse(RuleAction action, String raw) throws RuleSyntaxException {
        if (raw == null || raw.isBlank()) {
            throw new RuleSyntaxException(1, "empty rule");
        }
        int lead = 0;
        while (Character.isWhitespace(raw.charAt(lead))) {
            lead++;
        }
        String text = raw.strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
                throw new RuleSyntaxException(lead + i + 1, "control or space character inside a rule");
            }
        }
        return new Cursor(action, text, lead).rule();
    }

    /** @return a warning to show for rules that allow everything, else empty */
    public static Optional<String> warning(Rule rule) {
        if (rule.kind() == Rule.Kind.ANY) {
            return Optional.of("'" + rule.text() + "' allows every host: this is the Open tier");
        }
        if ((rule.kind() == Rule.Kind.ONE_LABEL || rule.kind() == Rule.Kind.ANY_DEPTH)
                && rule.pattern().indexOf('.') < 0) {
            return Optional.of("'" + rule.text() + "' covers a whole top-level domain");
        }
        return Optional.empty();
    }

    /** Parsing state for one rule. */
    private static final class Cursor {
        private final RuleAction action;
        private final String text;
        private final int lead;

        Cursor(RuleAction action, String text, int lead) {
            this.action = action;
            this.text = text;
            this.lead = lead;
        }

        Rule rule() throws RuleSyntaxException {
            if (text.startsWith("[")) {
                return bracketed();
            }
            int slash = text.indexOf('/');
            long colons = text.chars().filter(c -> c == ':').count();
            if (slash >= 0) {
                int portAt = colons == 1 ? text.indexOf(':') : -1;
                String addr = text.substring(0, slash);
                String prefix = portAt > slash ? text.substring(slash + 1, portAt) : text.substring(slash + 1);
                int port = portAt > slash ? port(portAt + 1) : Rule.PORT_DEFAULT;
                return cidr(addr, 0, prefix, slash + 1, port);
            }
            if (colons >= 2) {
                return cidr(text, 0, null, 0, Rule.PORT_DEFAULT);
            }
            int colon = text.indexOf(':');
            String host = colon < 0 ? text : text.substring(0, colon);
            int port = colon < 0 ? Rule.PORT_DEFAULT : port(colon + 1);
            return hostRule(host, port);
        }

        private Rule bracketed() throws RuleSyntaxException {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new RuleSyntaxException(lead + 1, "'[' without a closing ']'");
            }
            String addr = text.substring(1, close);
            String rest = text.substring(close + 1);
            String prefix = null;
            int prefixAt = 0;
            int port = Rule.PORT_DEFAULT;
            int at = close + 1;
            if (rest.startsWith("/")) {
                int colon = text.indexOf(':', at);
                prefixAt = at + 1;
                prefix = colon < 0 ? text.substring(at + 1) : text.substring(at + 1, colon);
                at = colon < 0 ? text.length() : colon;
            }
            if (at < text.length()) {
                if (text.charAt(at) != ':') {
                    throw new RuleSyntaxException(lead + at + 1, "expected ':port' or '/prefix' after ']'");
                }
                port = port(at + 1);
            }
            return cidr(addr, 1, prefix, prefixAt, port);
        }

        private Rule cidr(String addrText, int addrAt, String prefixText, int prefixAt, int port)
                throws RuleSyntaxException {
            CanonicalHost host;
            try {
                host = HostCanonicalizer.fromUser(addrText.contains(":") ? "[" + addrText + "]" : addrText);
            } catch (HostSyntaxException e) {
                throw new RuleSyntaxException(lead + addrAt + 1, e.getMessage());
            }
            if (!host.isAddress()) {
                throw new RuleSyntaxException(lead + addrAt + 1, "'" + addrText + "' is not an IP address");
            }
            int bits = host.address().getAddress().length * 8;
            int prefix = bits;
            if (prefixText != null) {
                if (prefixText.isEmpty() || !prefixText.chars().allMatch(Character::isDigit) || prefixText.length() > 3
                        || Integer.parseInt(prefixText) > bits) {
                    throw new RuleSyntaxException(lead + prefixAt + 1, "prefix length must be 0 to " + bits);
                }
                prefix = Integer.parseInt(prefixText);
            }
            Cidr cidr = new Cidr(network(host.address(), prefix), prefix);
            return new Rule(action, Rule.Kind.CIDR, "", cidr, port, cidr + portSuffix(port));
        }

        private Rule hostRule(String host, int port) throws RuleSyntaxException {
            Rule.Kind kind = Rule.Kind.EXACT;
            String name = host;
            int nameAt = 0;
            if (host.equals("*") || host.equals("**")) {
                if (action == RuleAction.DENY) {
                    throw new RuleSyntaxException(lead + 1, "'deny " + host + "' is the locked-down tier: "
                            + "use 'policy init locked-down'");
                }
                return new Rule(action, Rule.Kind.ANY, "", null, port, host + portSuffix(port));
            }
            if (host.startsWith("**.")) {
                kind = Rule.Kind.ANY_DEPTH;
                name = host.substring(3);
                nameAt = 3;
            } else if (host.startsWith("*.")) {
                kind = Rule.Kind.ONE_LABEL;
                name = host.substring(2);
                nameAt = 2;
            }
            int star = name.indexOf('*');
            if (star >= 0) {
                throw new RuleSyntaxException(lead + nameAt + star + 1,
                        "'*' may only be a whole first label ('*.' for one label, '**.' for any depth)");
            }
            if (name.isEmpty()) {
                throw new RuleSyntaxException(lead + nameAt + 1, "missing host name");
            }
            CanonicalHost canonical;
            try {
                canonical = HostCanonicalizer.fromUser(name);
            } catch (HostSyntaxException e) {
                throw new RuleSyntaxException(lead + nameAt + 1, e.getMessage());
            }
            if (canonical.isAddress()) {
                if (kind != Rule.Kind.EXACT) {
                    throw new RuleSyntaxException(lead + 1, "wildcards apply to names, not to IP addresses");
                }
                Cidr cidr = new Cidr(canonical.address(), canonical.address().getAddress().length * 8);
                return new Rule(action, Rule.Kind.CIDR, "", cidr, port, cidr + portSuffix(port));
            }
            String prefix = kind == Rule.Kind.ANY_DEPTH ? "**." : kind == Rule.Kind.ONE_LABEL ? "*." : "";
            return new Rule(action, kind, canonical.text(), null, port, prefix + canonical.text() + portSuffix(port));
        }

        private int port(int at) throws RuleSyntaxException {
            String p = text.substring(at);
            if (p.equals("*")) {
                return Rule.PORT_ANY;
            }
            if (p.isEmpty() || p.length() > 5 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new RuleSyntaxException(lead + at + 1, "port must be a number from 1 to 65535 or '*'");
            }
            int port = Integer.parseInt(p);
            if (port < 1 || port > 65535) {
                throw new RuleSyntaxException(lead + at + 1, "port must be a number from 1 to 65535 or '*'");
            }
            return port;
        }
    }

    private static String portSuffix(int port) {
        if (port == Rule.PORT_DEFAULT) {
            return "";
        }
        return port == Rule.PORT_ANY ? ":*" : ":" + port;
    }

    private static InetAddress network(InetAddress a, int prefix) {
        byte[] b = a.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            b[i] = (byte) (b[i] & ((0xff << (8 - keep)) & 0xff));
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
