package dev.cofferdam.vm.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on 127.0.0.1 answering "upstream says PATH"; remembers Host and Authorization of each request. */
final class LoopbackUpstream implements AutoCloseable {
    record Seen(String host, String path, String authorization) {
    }

    private final HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    LoopbackUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            seen.add(new Seen(ex.getRequestHeaders().getFirst("Host"), ex.getRequestURI().getPath(),
                    auth == null ? "" : auth));
            byte[] out = ("upstream says " + ex.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
