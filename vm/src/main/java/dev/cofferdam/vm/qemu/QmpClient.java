package dev.cofferdam.vm.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A QMP (QEMU Machine Protocol) client over the VM's Unix socket. It uses the JDK's own
 * AF_UNIX support (Java 16+), so no native library is needed. Not thread-safe: one caller at a time.
 * QEMU accepts one QMP client at a time; keep connections short.
 */
public final class QmpClient implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;

    private QmpClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(channel);
    }

    /**
     * Connects, reads the greeting and negotiates capabilities, all within {@code timeout}.
     *
     * @throws IOException when nothing answers on the socket
     */
    public static QmpClient connect(Path socket, java.time.Duration timeout) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        // QEMU serves one QMP client at a time; a second one would wait forever for the greeting.
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
                if (!done.get()) {
                    ch.close();
                }
            } catch (InterruptedException | IOException e) {
                // connected in time
            }
        }, "qmp-connect-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            QmpClient c = new QmpClient(ch);
            JsonNode greeting = c.readMessage();
            if (!greeting.has("QMP")) {
                throw new IOException("not a QMP socket: " + socket);
            }
            c.execute("qmp_capabilities", null);
            done.set(true);
            return c;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        } finally {
            done.set(true);
            watchdog.interrupt();
        }
    }

    /**
     * Runs a command and returns its {@code return} value.
     *
     * @throws IOException on a QMP error reply or a broken connection
     */
    public JsonNode execute(String command, ObjectNode arguments) throws IOException {
        ObjectNode req = JSON.createObjectNode().put("execute", command);
        if (arguments != null) {
            req.set("arguments", arguments);
        }
        out.write((JSON.writeValueAsString(req) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (true) {
            JsonNode reply = readMessage();
            if (reply.has("event")) {
                continue;
            }
            if (reply.has("error")) {
                throw new IOException("QMP " + command + ": " + reply.get("error").path("desc").asText());
            }
            return reply.path("return");
        }
    }

    /** The run state, e.g. {@code running}, {@code paused}, {@code shutdown}. */
    public String status() throws IOException {
        return execute("query-status", null).path("status").asText();
    }

    /** Host thread ids of the vCPUs, for per-vCPU CPU time from /proc. */
    public List<Long> vcpuThreadIds() throws IOException {
        List<Long> ids = new ArrayList<>();
        for (JsonNode cpu : execute("query-cpus-fast", null)) {
            ids.add(cpu.path("thread-id").asLong());
        }
        return ids;
    }

    /** Asks the guest to power off (ACPI); it may ignore it. */
    public void powerdown() throws IOException {
        execute("system_powerdown", null);
    }

    /** Ends QEMU at once. The connection closes with it. */
    public void quit() throws IOException {
        try {
            execute("quit", null);
        } catch (IOException e) {
            // QEMU may close the socket before the reply arrives: that is the expected outcome.
        }
    }

    private JsonNode readMessage() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("QMP connection closed");
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
