package dev.cofferdam.vm.policy;

import java.util.Locale;

/**
 * Parses the IPv4 spellings that resolvers accept (inet_aton): one to four parts, each decimal,
 * octal (leading {@code 0}) or hexadecimal ({@code 0x}); the last part fills the remaining bytes.
 * So {@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1} and {@code 127.1} are all 127.0.0.1.
 * Stateless and thread-safe.
 */
final class Ipv4Text {
    private Ipv4Text() {
    }

    /** @return whether the last dot-separated label looks numeric, so the text must be an IPv4 address */
    static boolean looksNumeric(String host) {
        String[] labels = host.split("\\.", -1);
        String last = labels[labels.length - 1];
        if (last.isEmpty() && labels.length > 1) {
            last = labels[labels.length - 2];
        }
        if (last.isEmpty()) {
            return false;
        }
        String lower = last.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            return lower.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return lower.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * @param host text whose last label is numeric
     * @return the four bytes
     * @throws HostSyntaxException when it is not a valid IPv4 spelling
     */
    static byte[] parse(String host) throws HostSyntaxException {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4 || parts.length == 0) {
            throw new HostSyntaxException("invalid IPv4 address '" + host + "': too many parts");
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = part(parts[i], host);
        }
        long value = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                throw new HostSyntaxException("invalid IPv4 address '" + host + "': part " + (i + 1) + " exceeds 255");
            }
            value |= values[i] << (8 * (3 - i));
        }
        long last = values[parts.length - 1];
        int lastBytes = 4 - (parts.length - 1);
        if (last >= (1L << (8 * lastBytes))) {
            throw new HostSyntaxException("invalid IPv4 address '" + host + "': last part too large");
        }
        value |= last;
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static long part(String part, String host) throws HostSyntaxException {
        String p = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        if (p.startsWith("0x")) {
            radix = 16;
            p = p.substring(2);
        } else if (p.length() > 1 && p.startsWith("0")) {
            radix = 8;
            p = p.substring(1);
        }
        if (p.isEmpty() && radix == 16) {
            return 0;
        }
        if (p.isEmpty() || p.length() > 12) {
            throw new HostSyntaxException("invalid IPv4 address '" + host + "'");
        }
        try {
            return Long.parseLong(p, radix);
        } catch (NumberFormatException e) {
            throw new HostSyntaxException("invalid IPv4 address '" + host + "'");
        }
    }
}
