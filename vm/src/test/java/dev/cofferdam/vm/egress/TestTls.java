package dev.cofferdam.vm.egress;

import dev.cofferdam.vm.testing.SelfSignedTls;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS server on 127.0.0.1 with a self-signed certificate for {@code allowed.example}, made in
 * the test with BouncyCastle. Answers one HTTP request per connection; counts connections.
 */
final class TestTls implements AutoCloseable {
    final SSLContext context;
    final TrustManagerFactory trust;
    private final SSLServerSocket server;
    final AtomicInteger accepted = new AtomicInteger();

    TestTls() throws Exception {
        SelfSignedTls cert = SelfSignedTls.forHosts(List.of("allowed.example"));
        this.trust = cert.trust;
        context = cert.context();
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 64,
                InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "test-tls-upstream");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                Thread h = new Thread(() -> answer(s), "test-tls-conn");
                h.setDaemon(true);
                h.start();
            } catch (Exception e) {
                return;
            }
        }
    }

    private static void answer(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                head.append((char) c);
                if (head.toString().endsWith("\r\n\r\n")) {
                    break;
                }
            }
            OutputStream out = s.getOutputStream();
            String path = head.toString().split(" ", 3)[1];
            String response;
            if (path.startsWith("/redirect?to=")) {
                response = "HTTP/1.1 302 Found\r\nLocation: " + path.substring("/redirect?to=".length())
                        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            } else {
                String body = head + "tls ok";
                response = "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                        + body;
            }
            out.write(response.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (Exception e) {
            // the proxy rejected the tunnel or the client left: nothing to answer
        }
    }

    @Override
    public void close() throws java.io.IOException {
        server.close();
    }
}
