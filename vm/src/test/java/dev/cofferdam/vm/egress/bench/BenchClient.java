package dev.cofferdam.vm.egress.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/** Blocking loopback clients of the benchmark: request latency, tunnel throughput, many open tunnels. */
final class BenchClient {
    private BenchClient() {
    }

    /** A real TLS ClientHello for {@code host}, made by the JDK's SSLEngine. */
    static byte[] clientHello(String host) throws Exception {
        SSLEngine e = SSLContext.getDefault().createSSLEngine(host, 443);
        e.setUseClientMode(true);
        SSLParameters p = e.getSSLParameters();
        p.setServerNames(List.of(new SNIHostName(host)));
        e.setSSLParameters(p);
        ByteBuffer out = ByteBuffer.allocate(e.getSession().getPacketBufferSize());
        e.beginHandshake();
        e.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        byte[] b = new byte[out.remaining()];
        out.get(b);
        return b;
    }

    /**
     * Sequential GETs; a new connection whenever the server closes one.
     *
     * @param port   proxy port, or the upstream port for direct requests
     * @param target the request-target (absolute URI through a proxy, "/" direct)
     * @return nanoseconds per request, sorted
     */
    static long[] latency(int port, String target, String host, int warmup, int n) throws IOException {
        long[] out = new long[n];
        Socket s = null;
        try {
            for (int i = -warmup; i < n; i++) {
                if (s == null) {
                    s = open(port);
                }
                byte[] req = ("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                long t0 = System.nanoTime();
                s.getOutputStream().write(req);
                Boolean keep = readResponse(s.getInputStream());
                if (keep == null) {
                    // the server closed an idle keep-alive connection: retry on a new one, as clients do
                    s.close();
                    s = open(port);
                    t0 = System.nanoTime();
                    s.getOutputStream().write(req);
                    keep = readResponse(s.getInputStream());
                    if (keep == null) {
                        throw new IOException("connection closed without a response");
                    }
                }
                long t = System.nanoTime() - t0;
                if (i >= 0) {
                    out[i] = t;
                }
                if (!keep) {
                    s.close();
                    s = null;
                }
            }
        } finally {
            if (s != null) {
                s.close();
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** @return bytes per second read through a CONNECT tunnel (or directly when proxyPort is 0) */
    static double throughput(int proxyPort, String authority, int directPort, byte[] hello, long expected)
            throws IOException {
        try (Socket s = proxyPort == 0 ? open(directPort) : tunnel(proxyPort, authority)) {
            long t0 = System.nanoTime();
            s.getOutputStream().write(hello);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[256 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                total += n;
            }
            long t = System.nanoTime() - t0;
            if (total != expected) {
                throw new IOException("read " + total + " bytes, expected " + expected);
            }
            return total / (t / 1e9);
        }
    }

    /** Opens a CONNECT tunnel and reads the proxy's 200. */
    static Socket tunnel(int proxyPort, String authority) throws IOException {
        Socket s = open(proxyPort);
        s.getOutputStream().write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String head = readHead(s.getInputStream());
        if (head.isEmpty() || !head.startsWith("HTTP/1.1 200") && !head.startsWith("HTTP/1.0 200")) {
            s.close();
            throw new IOException("CONNECT refused: " + head.lines().findFirst().orElse(""));
        }
        return s;
    }

    static Socket open(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setTcpNoDelay(true);
        s.setSoTimeout(60_000);
        return s;
    }

    /** Reads one response; @return whether the connection stays open, null on EOF before any byte. */
    private static Boolean readResponse(InputStream in) throws IOException {
        String head = readHead(in);
        if (head.isEmpty()) {
            return null;
        }
        int length = 0;
        boolean close = head.startsWith("HTTP/1.0");
        for (String line : head.split("\r\n")) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.startsWith("content-length:")) {
                length = Integer.parseInt(l.substring(15).strip());
            } else if (l.startsWith("connection:") || l.startsWith("proxy-connection:")) {
                close = l.contains("close");
            }
        }
        if (in.readNBytes(length).length != length) {
            throw new IOException("short body");
        }
        return !close;
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        int state = 0;
        while ((c = in.read()) >= 0) {
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
            if (state == 4) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
        if (b.size() == 0) {
            return "";
        }
        throw new IOException("connection closed inside a response head");
    }

    /** Writes one byte and expects it back (an echo upstream). */
    static boolean ping(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write('x');
            out.flush();
            return s.getInputStream().read() == 'x';
        } catch (IOException e) {
            return false;
        }
    }
}
