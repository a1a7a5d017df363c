package dev.cofferdam.vm.sandbox;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.cofferdam.vm.testing.SelfSignedTls;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real HTTPS server on 127.0.0.1 standing in for the model providers: one self-signed
 * certificate (made here with BouncyCastle) for the given {@code .test} names; it records each
 * request's headers and answers 401 with a JSON error, so a CLI stops (or retries) without a model.
 */
final class TlsRecorder implements AutoCloseable {
    /** One request: its Host header, method, path and every header (names lower-cased). */
    record Seen(String host, String method, String path, Map<String, String> headers) {
    }

    private final HttpsServer server;
    /** Trust for the proxy's upstream side: exactly this server's certificate. */
    final TrustManagerFactory trust;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    TlsRecorder(List<String> names) throws Exception {
        SelfSignedTls cert = SelfSignedTls.forHosts(names);
        trust = cert.trust;
        SSLContext ctx = cert.context();
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tls-recorder");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            seen.add(new Seen(headers.getOrDefault("host", ""), ex.getRequestMethod(), ex.getRequestURI().toString(),
                    headers));
            byte[] out = "{\"error\":{\"type\":\"authentication_error\",\"message\":\"test upstream\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(401, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Requests whose Host header names {@code host} (with or without the port). */
    List<Seen> to(String host) {
        return seen.stream().filter(s -> s.host().equals(host) || s.host().startsWith(host + ":")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
