package dev.cofferdam.vm.sandbox;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
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
        Path sock = EgressSockets.path(runDir);
        if (EgressSockets.answers(sock)) {
            // Another process (e.g. the workbench) serves this sandbox's egress: leave it in place,
            // so that a short-lived CLI command does not take the socket away when it exits.
            return "unix:" + sock;
        }
        ServerSocketChannel server = EgressSockets.bind(sock);
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
