package dev.cofferdam.vm.egress;

import java.time.Duration;

/**
 * Settings of an {@link EgressProxy}. Immutable.
 *
 * @param resolver        resolves allowed names on the host
 * @param requestTimeout  a connection must deliver a complete request head (or a TLS ClientHello
 *                        after CONNECT) within this time, else it is closed (slow clients)
 * @param idleTimeout     an established exchange or tunnel with no traffic either way is closed
 * @param connectTimeout  upstream connect timeout; on expiry the client gets 502
 * @param allowNonTls     when {@code true}, a CONNECT tunnel whose first bytes are not a TLS
 *                        ClientHello is allowed and logged as such; by default it is rejected
 * @param maxHeaderBytes  request line plus headers above this size get 431
 * @param maxBodyBytes    plain-HTTP request bodies are buffered up to this size; larger ones get 413
 * @param interception    TLS interception for credential hosts, or {@code null} for none
 */
public record ProxySettings(Resolver resolver, Duration requestTimeout, Duration idleTimeout, Duration connectTimeout,
        boolean allowNonTls, int maxHeaderBytes, int maxBodyBytes, Interception interception) {

    /** @return production defaults with the given resolver */
    public static ProxySettings defaults(Resolver resolver) {
        return new ProxySettings(resolver, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(10),
                false, 32 * 1024, 16 * 1024 * 1024, null);
    }

    /** @return a copy with another request timeout */
    public ProxySettings withRequestTimeout(Duration d) {
        return new ProxySettings(resolver, d, idleTimeout, connectTimeout, allowNonTls, maxHeaderBytes, maxBodyBytes,
                interception);
    }

    /** @return a copy with the non-TLS setting */
    public ProxySettings withAllowNonTls(boolean allow) {
        return new ProxySettings(resolver, requestTimeout, idleTimeout, connectTimeout, allow, maxHeaderBytes,
                maxBodyBytes, interception);
    }

    /** @return a copy that intercepts credential hosts */
    public ProxySettings withInterception(Interception i) {
        return new ProxySettings(resolver, requestTimeout, idleTimeout, connectTimeout, allowNonTls, maxHeaderBytes,
                maxBodyBytes, i);
    }
}
