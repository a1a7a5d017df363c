package dev.cofferdam.vm.sandbox;

import com.sun.net.httpserver.HttpsServer;
import dev.cofferdam.vm.testing.LoopbackHttp;
import dev.cofferdam.vm.testing.SelfSignedTls;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real HTTPS server on 127.0.0.1 with a self-signed certificate (made here with BouncyCastle)
 * for one test host name. It remembers the Authorization header of each request and answers
 * whether it matched {@code expected} — it never echoes a header back, so nothing secret
 * travels to the client.
 */
final class LoopbackTlsUpstream implements AutoCloseable {
    record Seen(String host, String path, String authorization) {
    }

    private final HttpsServer server;
    final TrustManagerFactory trust;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    LoopbackTlsUpstream(String hostName, String expectedAuthorization) throws Exception {
        SelfSignedTls cert = SelfSignedTls.forHosts(List.of(hostName));
        trust = cert.trust;
        server = LoopbackHttp.startTls(cert.context(), ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            seen.add(new Seen(ex.getRequestHeaders().getFirst("Host"), ex.getRequestURI().getPath(),
                    auth == null ? "" : auth));
            boolean ok = expectedAuthorization.equals(auth);
            String path = ex.getRequestURI().getPath();
            LoopbackHttp.reply(ex, ok ? 200 : 401, (ok ? "authorized " : "not authorized ") + path);
        });
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
