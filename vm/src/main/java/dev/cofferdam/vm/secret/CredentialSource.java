package dev.cofferdam.vm.secret;

import java.util.List;

/**
 * The credentials the proxy may inject, by host. Implementations are thread-safe and cheap to
 * call on every request.
 */
@FunctionalInterface
public interface CredentialSource {

    /**
     * @param host a canonical host name
     * @return the credentials bound to exactly this host (empty: the host is tunnelled untouched)
     */
    List<BoundSecret> forHost(String host);

    /** @return a source with no credentials (no interception at all) */
    static CredentialSource none() {
        return host -> List.of();
    }
}
