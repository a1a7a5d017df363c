package dev.cofferdam.vm.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** DESIGN.md §4 cases 13 and 32–35 (CONNECT) with a real TLS upstream on loopback. */
class ConnectCasesTest extends ProxyTestBase {

    /** Opens a tunnel, returns the raw socket after the proxy's answer to CONNECT. */
    RawHttp.Response connect(RawHttp c, String authority, String host) throws Exception {
        return c.send("CONNECT " + authority + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").read();
    }

    /** TLS over the tunnel with the given SNI (null: none) and one GET. */
    String tlsGet(Socket tunnel, String sni) throws IOException {
        SSLSocket s = (SSLSocket) tls.context.getSocketFactory().createSocket(tunnel, "allowed.example", tls.port(),
                true);
        SSLParameters p = s.getSSLParameters();
        p.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        s.setSSLParameters(p);
        s.startHandshake();
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: allowed.example\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void allowedTunnelWithMatchingServerNameReachesTheUpstream() throws Exception {
        try (RawHttp c = client()) {
            assertThat(connect(c, "allowed.example:" + tls.port(), "allowed.example").status()).isEqualTo(200);
            assertThat(tlsGet(c.socket, "allowed.example")).endsWith("tls ok");
        }
        EgressRecord done = awaitRecord(x -> x.method().equals("CONNECT") && x.bytesDown() > 0);
        assertThat(done.serverName()).isEqualTo("allowed.example");
        assertThat(done.decision()).isEqualTo("allow");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.bytesUp()).isPositive();
        assertThat(tls.accepted.get()).isEqualTo(1);
    }

    @Test
    void aClientHelloSentRightBehindTheConnectRequestIsPeekedToo() throws Exception {
        javax.net.ssl.SSLEngine engine = tls.context.createSSLEngine("allowed.example", tls.port());
        engine.setUseClientMode(true);
        SSLParameters p = engine.getSSLParameters();
        p.setServerNames(List.of(new SNIHostName("allowed.example")));
        engine.setSSLParameters(p);
        java.nio.ByteBuffer hello = java.nio.ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.beginHandshake();
        engine.wrap(java.nio.ByteBuffer.allocate(0), hello);
        hello.flip();
        byte[] connect = ("CONNECT allowed.example:" + tls.port() + " HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] both = new byte[connect.length + hello.remaining()];
        System.arraycopy(connect, 0, both, 0, connect.length);
        hello.get(both, connect.length, both.length - connect.length);
        try (RawHttp c = client()) {
            assertThat(c.sendBytes(both).read().status()).isEqualTo(200);
            EgressRecord r = awaitRecord(x -> x.method().equals("CONNECT"));
            assertThat(r.decision()).isEqualTo("allow");
            assertThat(r.serverName()).isEqualTo("allowed.example");
            // the record is stored before the upstream is dialled: wait (bounded) for the dial
            long end = System.nanoTime() + 10_000_000_000L;
            while (tls.accepted.get() == 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
        }
        assertThat(tls.accepted.get()).isEqualTo(1);
    }

    @Test
    void case13ConnectEvilWithHostAllowedIsDenied() throws Exception {
        try (RawHttp c = client()) {
            assertThat(connect(c, "evil.example:443", "allowed.example").status()).isEqualTo(403);
        }
        EgressRecord r = awaitRecord(x -> true);
        assertThat(r.host()).isEqualTo("evil.example");
        assertThat(r.decision()).isEqualTo("deny");
    }

    @Test
    void case32ServerNameDifferentFromTheConnectHostIsRejected() throws Exception {
        try (RawHttp c = client()) {
            assertThat(connect(c, "allowed.example:" + tls.port(), "allowed.example").status()).isEqualTo(200);
            assertThatThrownBy(() -> tlsGet(c.socket, "evil.example")).isInstanceOf(IOException.class);
        }
        EgressRecord r = awaitRecord(x -> !x.allowed());
        assertThat(r.serverName()).isEqualTo("evil.example");
        assertThat(r.reason()).contains("differs from the CONNECT host");
        assertThat(tls.accepted.get()).isZero();
    }

    @Test
    void case33ClientHelloWithoutServerNameIsRejected() throws Exception {
        try (RawHttp c = client()) {
            assertThat(connect(c, "allowed.example:" + tls.port(), "allowed.example").status()).isEqualTo(200);
            assertThatThrownBy(() -> tlsGet(c.socket, null)).isInstanceOf(IOException.class);
        }
        assertThat(awaitRecord(x -> !x.allowed()).reason()).contains("without a server name");
        assertThat(tls.accepted.get()).isZero();
    }

    @Test
    void case34NonTlsBytesInATunnelAreRejectedByDefault() throws Exception {
        try (RawHttp c = client()) {
            assertThat(connect(c, "allowed.example:" + tls.port(), "allowed.example").status()).isEqualTo(200);
            c.send("SSH-2.0-OpenSSH_9.2\r\n");
            assertThat(c.closedByPeer()).isTrue();
        }
        assertThat(awaitRecord(x -> !x.allowed()).reason()).contains("non-TLS");
        assertThat(tls.accepted.get()).isZero();
    }

    @Test
    void case34NonTlsBytesAreAllowedAndLoggedWithTheSetting() throws Exception {
        try (EgressProxy lenient = new EgressProxy(settings().withAllowNonTls(true));
             ProxyListener l = lenient.start(SANDBOX, new dev.cofferdam.vm.policy.StorePolicySource(store,
                     dev.cofferdam.vm.policy.BalancedAllowlist.shipped()), log);
             RawHttp c = new RawHttp(l.port())) {
            assertThat(c.send("CONNECT allowed.example:" + http.port() + " HTTP/1.1\r\nHost: x\r\n\r\n").read()
                    .status()).isEqualTo(200);
            c.send("GET / HTTP/1.1\r\nHost: allowed.example\r\n\r\n");
            assertThat(c.read().body()).isEqualTo("ok /");
        }
        EgressRecord r = awaitRecord(x -> x.method().equals("CONNECT"));
        assertThat(r.decision()).isEqualTo("allow");
        assertThat(r.reason()).contains("non-TLS bytes allowed");
    }

    @Test
    void case35ConnectToAPortNoRuleAllowsIsDenied() throws Exception {
        try (RawHttp c = client()) {
            assertThat(connect(c, "allowed.example:22", "allowed.example").status()).isEqualTo(403);
        }
        assertThat(awaitRecord(x -> true).reason()).contains("no rule allows allowed.example:22");
    }

    @Test
    void connectToAnAllowedNameThatResolvesToLoopbackIsDeniedBeforeTheTunnelOpens() throws Exception {
        try (RawHttp c = client()) {
            assertThat(connect(c, "allowed.example:443", "allowed.example").status()).isEqualTo(403);
        }
        assertThat(awaitRecord(x -> true).reason()).contains("DNS rebinding");
    }
}
