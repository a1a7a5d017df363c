package dev.cofferdam.vm.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one guest connection (from the egress socket) to and from the proxy listener, one
 * thread per direction; half-closes follow through, and both channels close when both ends are
 * done. Uses the channels directly (their streams would serialize reads and writes).
 */
final class EgressPump {
    private static final Logger LOG = LoggerFactory.getLogger(EgressPump.class);

    private EgressPump() {
    }

    static void start(String sandbox, SocketChannel guest, SocketChannel proxy) {
        AtomicInteger open = new AtomicInteger(2);
        Runnable closeBoth = () -> {
            if (open.decrementAndGet() == 0) {
                closeQuietly(guest);
                closeQuietly(proxy);
            }
        };
        thread(sandbox + "-up", () -> copy(guest, proxy), closeBoth);
        thread(sandbox + "-down", () -> copy(proxy, guest), closeBoth);
    }

    private static void thread(String name, Runnable body, Runnable after) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } finally {
                after.run();
            }
        }, "egress-pump-" + name);
        t.setDaemon(true);
        t.start();
    }

    private static void copy(SocketChannel from, SocketChannel to) {
        ByteBuffer buf = ByteBuffer.allocate(16384);
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
            LOG.debug("egress pump ended: {}", e.getMessage());
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("closing egress channel: {}", e.getMessage());
        }
    }
}
