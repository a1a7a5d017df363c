package dev.cofferdam.vm.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.cofferdam.vm.testing.LoopbackHttp;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on 127.0.0.1 answering "upstream says PATH"; remembers Host and Authorization of each request. */
final class LoopbackUpstream implements AutoCloseable {
    record Seen(String host, String path, String authorization) {
    }

    private final HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    LoopbackUpstream() throws IOException {
        server = LoopbackHttp.start(ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            seen.add(new Seen(ex.getRequestHeaders().getFirst("Host"), ex.getRequestURI().getPath(),
                    auth == null ? "" : auth));
            LoopbackHttp.reply(ex, 200, "upstream says " + ex.getRequestURI().getPath());
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
