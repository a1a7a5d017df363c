package dev.cofferdam.vm.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves an allowed, canonical host name on the host. Called by the proxy off the event loop,
 * only after the name has been allowed. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Resolver {

    /**
     * @param name a canonical host name (never an IP literal)
     * @return the addresses, at least one
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String name) throws UnknownHostException;

    /**
     * Answers without any lookup (no DNS, no file or network I/O), so the proxy may call it on an
     * event loop; the default knows nothing.
     *
     * @param name a canonical host name (never an IP literal)
     * @return the fixed addresses of {@code name}, or {@code null} when only {@link #resolve} can tell
     */
    default List<InetAddress> known(String name) {
        return null;
    }

    /** @return the JDK's resolver (system DNS, /etc/hosts) */
    static Resolver system() {
        return name -> List.of(InetAddress.getAllByName(name));
    }

    /** @return a resolver that resolves nothing: the fallback of tests, which must never use real DNS */
    static Resolver none() {
        return name -> {
            throw new UnknownHostException(name + ": no resolver (DNS disabled)");
        };
    }
}
