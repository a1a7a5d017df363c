package dev.cofferdam.app.ui.walls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Unix socket at a fixed path that forwards every connection to a TCP port on 127.0.0.1. The
 * sandbox's relay dials the fixed path, so a workbench that restarts (and gets a new proxy port)
 * serves a re-adopted guest again without restarting it. Two daemon threads per connection.
 * Thread-safe; {@link #close()} stops accepting and removes the socket file.
 */
final class UnixForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UnixForwarder.class);

    private final Path socket;
    private final ServerSocketChannel server;

    private UnixForwarder(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
    }

    /** Binds {@code socket} (replacing a stale file) and forwards to {@code 127.0.0.1:port}. */
    static UnixForwarder start(Path socket, int port, String name) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        UnixForwarder f = new UnixForwarder(socket, server);
        Thread t = new Thread(() -> f.acceptAll(port), "egress-forward-" + name);
        t.setDaemon(true);
        t.start();
        return f;
    }

    private void acceptAll(int port) {
        while (server.isOpen()) {
            try {
                SocketChannel in = server.accept();
                SocketChannel out;
                try {
                    out = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                } catch (IOException e) {
                    LOG.warn("egress proxy on port {} not reachable: {}", port, e.getMessage());
                    in.close();
                    continue;
                }
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.debug("egress forwarder {}: {}", socket, e.getMessage());
                }
                return;
            }
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        Thread t = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(32 * 1024);
            try {
                while (from.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        to.write(buf);
                    }
                    buf.clear();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "egress-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    Path socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.debug("closing egress forwarder {}", socket, e);
        }
    }
}
