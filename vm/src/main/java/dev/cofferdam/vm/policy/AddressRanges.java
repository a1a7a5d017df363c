package dev.cofferdam.vm.policy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ranges denied in every tier unless a rule names the exact IP:port: loopback, RFC 1918,
 * CGNAT, link-local (cloud metadata), ULA, IPv6 link-local, "this network", multicast, reserved,
 * and the names of cloud metadata services. IPv6 forms that embed an IPv4 address (NAT64
 * 64:ff9b::/96, 6to4 2002::/16, Teredo 2001::/32, IPv4-compatible ::/96) are judged by the
 * embedded address as well. Stateless and thread-safe.
 */
public final class AddressRanges {
    private record Range(Cidr cidr, String label) {
    }

    private static final List<Range> DENIED = List.of(
            new Range(Cidr.of("0.0.0.0", 8), "this-network 0.0.0.0/8"),
            new Range(Cidr.of("127.0.0.0", 8), "loopback 127.0.0.0/8"),
            new Range(Cidr.of("10.0.0.0", 8), "private 10.0.0.0/8"),
            new Range(Cidr.of("172.16.0.0", 12), "private 172.16.0.0/12"),
            new Range(Cidr.of("192.168.0.0", 16), "private 192.168.0.0/16"),
            new Range(Cidr.of("100.64.0.0", 10), "CGNAT 100.64.0.0/10"),
            new Range(Cidr.of("169.254.0.0", 16), "link-local/metadata 169.254.0.0/16"),
            new Range(Cidr.of("192.0.0.0", 24), "IETF protocol assignments 192.0.0.0/24"),
            new Range(Cidr.of("198.18.0.0", 15), "benchmarking 198.18.0.0/15"),
            new Range(Cidr.of("224.0.0.0", 4), "multicast 224.0.0.0/4"),
            new Range(Cidr.of("240.0.0.0", 4), "reserved 240.0.0.0/4"),
            new Range(Cidr.of("::", 128), "unspecified ::"),
            new Range(Cidr.of("::1", 128), "loopback ::1"),
            new Range(Cidr.of("fc00::", 7), "unique-local fc00::/7"),
            new Range(Cidr.of("fe80::", 10), "link-local fe80::/10"),
            new Range(Cidr.of("fec0::", 10), "site-local fec0::/10"),
            new Range(Cidr.of("ff00::", 8), "multicast ff00::/8"));

    private static final Cidr NAT64 = Cidr.of("64:ff9b::", 96);
    private static final Cidr NAT64_LOCAL = Cidr.of("64:ff9b:1::", 48);
    private static final Cidr SIX_TO_FOUR = Cidr.of("2002::", 16);
    private static final Cidr TEREDO = Cidr.of("2001::", 32);
    private static final Cidr COMPATIBLE = Cidr.of("::", 96);

    private static final Set<String> METADATA_NAMES = Set.of(
            "metadata.google.internal", "metadata.goog", "metadata", "instance-data",
            "instance-data.ec2.internal", "metadata.azure.internal", "localhost");

    private AddressRanges() {
    }

    /**
     * @param a an address (resolved or literal)
     * @return the label of the always-denied range it falls in (directly or through an embedded
     *         IPv4 address), or empty
     */
    public static Optional<String> deniedRange(InetAddress a) {
        for (InetAddress candidate : judgedAs(a)) {
            for (Range r : DENIED) {
                if (r.cidr().contains(candidate)) {
                    String via = candidate.equals(a) ? "" : " (embedded in " + a.getHostAddress() + ")";
                    return Optional.of(r.label() + via);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param name a canonical host name
     * @return whether the name is a cloud metadata or localhost name, denied in every tier
     */
    public static boolean isMetadataName(String name) {
        return METADATA_NAMES.contains(name) || name.endsWith(".localhost");
    }

    /** @return the address itself followed by any IPv4 address embedded in it */
    static List<InetAddress> judgedAs(InetAddress a) {
        List<InetAddress> out = new ArrayList<>(2);
        out.add(a);
        if (a instanceof Inet6Address) {
            byte[] b = a.getAddress();
            if (NAT64.contains(a) || NAT64_LOCAL.contains(a)) {
                out.add(v4(b[12], b[13], b[14], b[15]));
            } else if (SIX_TO_FOUR.contains(a)) {
                out.add(v4(b[2], b[3], b[4], b[5]));
            } else if (TEREDO.contains(a)) {
                out.add(v4((byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]));
            } else if (COMPATIBLE.contains(a) && !Cidr.of("::", 127).contains(a)) {
                out.add(v4(b[12], b[13], b[14], b[15]));
            }
        }
        return out;
    }

    private static Inet4Address v4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
