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
