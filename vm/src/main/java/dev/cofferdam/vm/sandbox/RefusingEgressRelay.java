package dev.cofferdam.vm.sandbox;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The egress relay until a policy proxy is plugged in: every sandbox gets a Unix socket that
 * accepts and at once closes each connection, so nothing leaves the guest. When this process
 * exits the socket stops answering, which refuses just the same. Thread-safe.
 */
public final class RefusingEgressRelay implements EgressRelay {
    private static final Logger LOG = LoggerFactory.getLogger(RefusingEgressRelay.class);

    private final Map<String, ServerSocketChannel> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    @Override
    public String endpoint(String sandbox, Path runDir) throws IOException {
        release(sandbox);
        Path sock = runDir.resolve("egress.sock");
        if (answers(sock)) {
            // Another process (e.g. the workbench) serves this sandbox's egress: leave it in place,
            // so that a short-lived CLI command does not take the socket away when it exits.
            return "unix:" + sock;
        }
        Files.deleteIfExists(sock);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(sock));
        listeners.put(sandbox, server);
        Thread t = new Thread(() -> refuseAll(sandbox, server), "egress-refuse-" + sandbox);
        t.setDaemon(true);
        t.start();
        return "unix:" + sock;
    }

    private void refuseAll(String sandbox, ServerSocketChannel server) {
        while (server.isOpen()) {
            try {
                server.accept().close();
                refused.incrementAndGet();
                LOG.info("egress from sandbox {} refused: no egress proxy configured", sandbox);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static boolean answers(Path sock) {
        if (!Files.exists(sock)) {
            return false;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(sock));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Connections refused so far, across sandboxes. */
    public int refusedCount() {
        return refused.get();
    }

    @Override
    public void release(String sandbox) {
        ServerSocketChannel s = listeners.remove(sandbox);
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing egress listener of {}", sandbox, e);
            }
        }
    }
}
