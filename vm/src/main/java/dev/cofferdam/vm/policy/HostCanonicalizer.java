package dev.cofferdam.vm.policy;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Turns a host as written (request line, CONNECT authority, SNI, a rule) into a {@link CanonicalHost}
 * before any matching: lower case, trailing dot removed, IPv4 spellings to a dotted quad, IPv6 to
 * its canonical text (IPv4-mapped IPv6 becomes the IPv4 address), IDN to punycode where allowed.
 * Never performs a DNS lookup. Stateless and thread-safe.
 */
public final class HostCanonicalizer {
    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private HostCanonicalizer() {
    }

    /**
     * Canonicalizes a host from the network: raw non-ASCII is rejected (a client must send punycode).
     *
     * @param raw host text, IPv6 literals in brackets or bare
     * @return the canonical host
     * @throws HostSyntaxException when the host is malformed
     */
    public static CanonicalHost fromWire(String raw) throws HostSyntaxException {
        return canonicalize(raw, false);
    }

    /**
     * Canonicalizes a host typed by the user (a rule, {@code policy check}): non-ASCII names are
     * converted to punycode with {@link IDN#toASCII(String, int)}.
     *
     * @param raw host text
     * @return the canonical host
     * @throws HostSyntaxException when the host is malformed
     */
    public static CanonicalHost fromUser(String raw) throws HostSyntaxException {
        return canonicalize(raw, true);
    }

    private static CanonicalHost canonicalize(String raw, boolean allowUnicode) throws HostSyntaxException {
        if (raw == null || raw.isEmpty()) {
            throw new HostSyntaxException("empty host");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == 0 || c == '\r' || c == '\n') {
                throw new HostSyntaxException("host contains a NUL, CR or LF character at position " + (i + 1));
            }
            if (c < 0x20 || c == 0x7f || c == ' ' || c == '\t') {
                throw new HostSyntaxException("host contains a control or space character at position " + (i + 1));
            }
        }
        if (raw.indexOf('%') >= 0) {
            throw new HostSyntaxException("IPv6 zone ids and percent-encoding are not accepted in a host: '"
                    + raw + "'");
        }
        if (raw.startsWith("[") || raw.indexOf(':') >= 0) {
            return ipv6(raw);
        }
        String host = raw;
        if (!isAscii(host)) {
            if (!allowUnicode) {
                throw new HostSyntaxException("raw non-ASCII host name; send it as punycode (xn--)");
            }
            try {
                host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                throw new HostSyntaxException("invalid internationalized host name '" + raw + "'");
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new HostSyntaxException("empty host");
        }
        if (Ipv4Text.looksNumeric(host)) {
            return ipv4(Ipv4Text.parse(host), raw);
        }
        checkName(host);
        return new CanonicalHost(host, null);
    }

    private static CanonicalHost ipv4(byte[] bytes, String raw) throws HostSyntaxException {
        try {
            InetAddress a = InetAddress.getByAddress(bytes);
            return new CanonicalHost(a.getHostAddress(), a);
        } catch (UnknownHostException e) {
            throw new HostSyntaxException("invalid IPv4 address '" + raw + "'");
        }
    }

    private static CanonicalHost ipv6(String raw) throws HostSyntaxException {
        String text = raw;
        if (text.startsWith("[")) {
            if (!text.endsWith("]") || text.length() < 3) {
                throw new HostSyntaxException("unterminated IPv6 literal '" + raw + "'");
            }
            text = text.substring(1, text.length() - 1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == ':' || c == '.' || Character.digit(c, 16) >= 0;
            if (!ok) {
                throw new HostSyntaxException("invalid character '" + c + "' at position " + (i + 1)
                        + " of IPv6 literal '" + raw + "' (a ':' is only allowed in IPv6 literals)");
            }
        }
        if (text.indexOf(':') < 0) {
            throw new HostSyntaxException("invalid IPv6 literal '" + raw + "'");
        }
        try {
            // Brackets make the JDK parse a literal only: it never falls back to a DNS lookup.
            InetAddress a = InetAddress.getByName("[" + text + "]");
            String canonical = a.getHostAddress();
            int zone = canonical.indexOf('%');
            if (zone >= 0) {
                throw new HostSyntaxException("IPv6 zone ids are not accepted: '" + raw + "'");
            }
            return new CanonicalHost(canonical, a);
        } catch (UnknownHostException e) {
            throw new HostSyntaxException("invalid IPv6 literal '" + raw + "'");
        }
    }

    private static void checkName(String host) throws HostSyntaxException {
        if (host.length() > MAX_NAME) {
            throw new HostSyntaxException("host name longer than " + MAX_NAME + " characters");
        }
        int pos = 0;
        for (String label : host.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw new HostSyntaxException("empty label at position " + (pos + 1) + " of '" + host + "'");
            }
            if (label.length() > MAX_LABEL) {
                throw new HostSyntaxException("label longer than " + MAX_LABEL + " characters in '" + host + "'");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok) {
                    throw new HostSyntaxException("invalid character '" + c + "' at position " + (pos + i + 1)
                            + " of host '" + host + "'");
                }
            }
            pos += label.length() + 1;
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
