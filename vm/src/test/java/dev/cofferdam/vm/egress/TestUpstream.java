package dev.cofferdam.vm.egress;

import com.sun.net.httpserver.HttpServer;
import dev.cofferdam.vm.testing.LoopbackHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A real HTTP server on 127.0.0.1 that answers "ok" and remembers the Host header and path of each request. */
final class TestUpstream implements AutoCloseable {
    /** What the upstream saw; {@code peerPort} is the port the proxy connected from. */
    record Seen(String method, String host, String path, String body, int peerPort) {
    }

    private final HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** Runs with each request's path before it is answered (tests observe what is true at that moment). */
    volatile Consumer<String> onRequest = path -> { };

    TestUpstream() throws IOException {
        server = LoopbackHttp.start(ex -> {
            onRequest.accept(ex.getRequestURI().getPath());
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(ex.getRequestMethod(), ex.getRequestHeaders().getFirst("Host"),
                    ex.getRequestURI().toString(), body, ex.getRemoteAddress().getPort()));
            LoopbackHttp.reply(ex, 200, "ok " + ex.getRequestURI().getPath());
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
