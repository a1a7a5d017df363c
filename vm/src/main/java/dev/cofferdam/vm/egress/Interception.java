package dev.cofferdam.vm.egress;

import dev.cofferdam.vm.secret.CredentialSource;
import dev.cofferdam.vm.secret.InterceptionCa;
import dev.cofferdam.vm.secret.SecretException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS interception for credential injection: only tunnels whose host has a bound credential are
 * intercepted, with a leaf certificate from the per-installation CA; upstream TLS is verified
 * against {@code upstreamTrust} (the JDK's default trust store when {@code null}). Thread-safe.
 */
public final class Interception {
    private final InterceptionCa ca;
    private final CredentialSource credentials;
    private final SslContext client;
    private final Map<String, SslContext> servers = new ConcurrentHashMap<>();

    /**
     * @param ca            mints the leaf certificates
     * @param credentials   which hosts have credentials
     * @param upstreamTrust trust for upstream servers, or {@code null} for the JDK default
     * @throws SecretException when the upstream TLS context cannot be built
     */
    public Interception(InterceptionCa ca, CredentialSource credentials, TrustManagerFactory upstreamTrust)
            throws SecretException {
        this.ca = ca;
        this.credentials = credentials;
        try {
            SslContextBuilder b = SslContextBuilder.forClient();
            if (upstreamTrust != null) {
                b.trustManager(upstreamTrust);
            }
            this.client = b.build();
        } catch (SSLException e) {
            throw new SecretException("cannot build the upstream TLS context: " + e.getMessage(), e);
        }
    }

    CredentialSource credentials() {
        return credentials;
    }

    SslContext client() {
        return client;
    }

    /** @return the server-side TLS context presenting a leaf certificate for the host */
    SslContext serverFor(String host) throws SecretException {
        SslContext c = servers.get(host);
        if (c == null) {
            try {
                c = SslContextBuilder.forServer(ca.leafKey(), ca.leaf(host), ca.certificate()).build();
            } catch (SSLException e) {
                throw new SecretException("cannot build TLS for " + host + ": " + e.getMessage(), e);
            }
            servers.put(host, c);
        }
        return c;
    }
}
