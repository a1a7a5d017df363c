package dev.cofferdam.app.ui.walls;

import com.sun.net.httpserver.HttpServer;
import dev.cofferdam.vm.egress.EgressProxy;
import dev.cofferdam.vm.egress.OverrideResolver;
import dev.cofferdam.vm.egress.ProxyListener;
import dev.cofferdam.vm.egress.ProxySettings;
import dev.cofferdam.vm.egress.Resolver;
import dev.cofferdam.vm.egress.SqliteEgressLog;
import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.RuleParser;
import dev.cofferdam.vm.policy.StorePolicySource;
import dev.cofferdam.vm.policy.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real egress proxy on loopback for one sandbox ({@value #SANDBOX}), with a real upstream HTTP
 * server on 127.0.0.1, a real SQLite egress log and a real policy store on a temp dir. Names come
 * from a resolver override ({@code allowed.example} and {@code evil.example} resolve to
 * 127.0.0.1; nothing else resolves: never real DNS). The sandbox's policy is Balanced with
 * {@code allowed.example} on the upstream's port and the exact {@code 127.0.0.1:PORT} exemption
 * that loopback needs; {@code evil.example} has no rule.
 */
final class LoopbackEgress implements AutoCloseable {
    static final String SANDBOX = "box";

    final HttpServer upstream;
    final PolicyStore store;
    final SqliteEgressLog log;
    final EgressProxy proxy;
    final ProxyListener listener;

    LoopbackEgress(Path dir) throws Exception {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        upstream.createContext("/", ex -> {
            byte[] out = ("ok " + ex.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        upstream.start();
        store = new PolicyStore(dir.resolve("config"));
        store.write(null, PolicyDocument.EMPTY.withTier(Tier.BALANCED));
        store.write(SANDBOX, PolicyDocument.EMPTY
                .with(RuleParser.parse(RuleAction.ALLOW, "allowed.example:" + port()))
                .with(RuleParser.parse(RuleAction.ALLOW, "127.0.0.1:" + port())));
        log = SqliteEgressLog.open(dir.resolve("data"));
        Resolver resolver = OverrideResolver.parse(List.of("allowed.example=127.0.0.1", "evil.example=127.0.0.1"),
                Resolver.none());
        proxy = new EgressProxy(ProxySettings.defaults(resolver).withRequestTimeout(Duration.ofSeconds(5)));
        listener = proxy.start(SANDBOX, new StorePolicySource(store, BalancedAllowlist.shipped()), log);
    }

    int port() {
        return upstream.getAddress().getPort();
    }

    /** Sends {@code GET http://HOST:PORT/path} through the proxy; returns the HTTP status. */
    int get(String host, String path) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
            s.setSoTimeout(10_000);
            String authority = host + ":" + port();
            OutputStream out = s.getOutputStream();
            out.write(("GET http://" + authority + path + " HTTP/1.1\r\nHost: " + authority
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            in.readAllBytes();
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    @Override
    public void close() {
        listener.close();
        proxy.close();
        log.close();
        upstream.stop(0);
    }
}
