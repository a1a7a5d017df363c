package dev.cofferdam.vm.policy;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * A host in canonical form: a lower-case ASCII name without trailing dot, or an IP literal.
 * IPv4 literals are dotted quads; IPv6 literals are in {@link InetAddress#getHostAddress()} form
 * without brackets. Immutable and thread-safe.
 *
 * @param text    the canonical text used for matching and logging
 * @param address the address when the host is an IP literal, else {@code null}
 */
public record CanonicalHost(String text, InetAddress address) {

    /** @return whether this host is an IP literal */
    public boolean isAddress() {
        return address != null;
    }

    /** @return the host as written in an authority: IPv6 literals in brackets */
    public String authorityForm() {
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }

    @Override
    public String toString() {
        return authorityForm();
    }
}
