package dev.cofferdam.app.receiver;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal HTTP/1.1 server bound to 127.0.0.1 only: one request per connection (the answer
 * carries {@code Connection: close}), bodies by Content-Length up to 16 MiB, no chunked uploads
 * (answered 411). Enough for hook and OTLP posts from a local agent; not a general web server.
 * Thread-safe: each connection is handled on its own daemon thread.
 */
public final class LoopbackHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackHttpServer.class);
    private static final int MAX_BODY = 16 << 20;
    private static final int MAX_HEADER_LINE = 8192;

    private final ServerSocket socket;
    private final Function<HttpExchange, HttpExchange.Reply> handler;
    private final ExecutorService connections;
    private final Thread acceptor;

    /**
     * Binds and starts accepting.
     *
     * @param port    the port, 0 for any free one
     * @param handler answers each request (called on a connection thread)
     * @throws IOException when the port cannot be bound
     */
    public LoopbackHttpServer(int port, Function<HttpExchange, HttpExchange.Reply> handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
        this.connections = Executors.newCachedThreadPool(r -> daemon(r, "cofferdam-receiver-conn"));
        this.acceptor = daemon(this::accept, "cofferdam-receiver-" + port());
        acceptor.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** @return the bound port */
    public int port() {
        return socket.getLocalPort();
    }

    /** @return "http://127.0.0.1:PORT" */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                connections.execute(() -> serve(s));
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                LOG.warn("accept failed on {}", baseUrl(), e);
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            HttpExchange.Reply reply;
            try {
                reply = read(in);
            } catch (BadRequest e) {
                reply = HttpExchange.Reply.json(e.status, "{\"error\":\"" + e.getMessage() + "\"}");
            }
            write(out, reply);
        } catch (IOException | RuntimeException e) {
            LOG.warn("request on {} failed", baseUrl(), e);
        }
    }

    private HttpExchange.Reply read(InputStream in) throws IOException, BadRequest {
        String requestLine = line(in);
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "not an HTTP/1.1 request line");
        }
        Map<String, String> headers = new HashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        if (headers.containsKey("transfer-encoding")) {
            throw new BadRequest(411, "send the body with a Content-Length");
        }
        int length;
        try {
            length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "bad Content-Length");
        }
        if (length < 0 || length > MAX_BODY) {
            throw new BadRequest(413, "body larger than 16 MiB");
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new BadRequest(400, "body shorter than its Content-Length");
        }
        String path = parts[1];
        int q = path.indexOf('?');
        return handler.apply(new HttpExchange(parts[0], q >= 0 ? path.substring(0, q) : path, headers, body));
    }

    private static String line(InputStream in) throws IOException, BadRequest {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (b.size() > MAX_HEADER_LINE) {
                throw new BadRequest(431, "header line too long");
            }
            b.write(c);
        }
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static void write(OutputStream out, HttpExchange.Reply reply) throws IOException {
        byte[] body = reply.bytes();
        String head = "HTTP/1.1 " + reply.status() + " " + reason(reply.status()) + "\r\n"
                + "Content-Type: " + reply.contentType() + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 411 -> "Length Required";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            default -> "Status";
        };
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing {}", baseUrl(), e);
        }
        connections.shutdownNow();
    }

    /** A request the server refuses before the handler sees it. */
    private static final class BadRequest extends Exception {
        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
