package dev.cofferdam.vm.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address block: a base address and a prefix length. Immutable and thread-safe.
 *
 * @param base   the network address (bits beyond the prefix are ignored when matching)
 * @param prefix the prefix length in bits
 */
public record Cidr(InetAddress base, int prefix) {

    /** @return whether the block holds one address only */
    public boolean isSingleAddress() {
        return prefix == base.getAddress().length * 8;
    }

    /** @return whether {@code a} lies in this block; IPv4 never matches an IPv6 block */
    public boolean contains(InetAddress a) {
        byte[] x = base.getAddress();
        byte[] y = a.getAddress();
        if (x.length != y.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (x[i] != y[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (x[full] & mask) == (y[full] & mask);
    }

    /** Builds a block from literal text known to be valid (constants only). */
    static Cidr of(String literal, int prefix) {
        try {
            return new Cidr(InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal), prefix);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Override
    public String toString() {
        String text = base.getHostAddress();
        if (isSingleAddress()) {
            return text.contains(":") ? "[" + text + "]" : text;
        }
        return (text.contains(":") ? "[" + text + "]" : text) + "/" + prefix;
    }
}
