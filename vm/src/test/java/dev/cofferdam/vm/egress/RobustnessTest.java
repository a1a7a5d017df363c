package dev.cofferdam.vm.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.vm.policy.PolicyDocument;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Case 40 and the proxy's own limits: oversized headers, slow clients, dead upstreams, an unwritable log. */
class RobustnessTest extends ProxyTestBase {

    String allowed(String path) {
        return "http://allowed.example:" + http.port() + path;
    }

    @Test
    void case40PolicyEditsApplyAtOnceAndAnUnreadablePolicyDeniesEverything() throws Exception {
        try (RawHttp c = client()) {
            assertThat(c.send(request("GET", allowed("/1"))).read().status()).isEqualTo(200);
            writeSandboxPolicy(SANDBOX, List.of("deny allowed.example"));
            assertThat(c.send(request("GET", allowed("/2"))).read().status()).isEqualTo(403);
            writeSandboxPolicy(SANDBOX, List.of());
            assertThat(c.send(request("GET", allowed("/3"))).read().status()).isEqualTo(200);
            Files.writeString(store.file(SANDBOX), "allow allowed.example\ngarbage line\n");
            RawHttp.Response r = c.send(request("GET", allowed("/4"))).read();
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).contains("policy cannot be read");
        }
        assertThat(http.seen).extracting(TestUpstream.Seen::path).containsExactly("/1", "/3");
        assertThat(log.query(EgressQuery.sandbox(SANDBOX))).extracting(EgressRecord::decision)
                .containsExactly("allow", "deny", "allow", "deny");
    }

    @Test
    void oversizedHeadersGet431() throws Exception {
        try (RawHttp c = client()) {
            c.send(request("GET", allowed("/"), "X-Big: " + "a".repeat(40_000)));
            assertThat(c.read().status()).isEqualTo(431);
        }
        assertThat(awaitRecord(x -> x.status() == 431).decision()).isEqualTo("deny");
        assertThat(http.seen).isEmpty();
    }

    @Test
    void oversizedBodiesGet413AndAreLogged() throws Exception {
        try (RawHttp c = client()) {
            c.send("POST " + allowed("/up") + " HTTP/1.1\r\nHost: allowed.example\r\nContent-Length: "
                    + (proxy.settings().maxBodyBytes() + 1) + "\r\n\r\nabc");
            assertThat(c.read().status()).isEqualTo(413);
            assertThat(c.closedByPeer()).isTrue();
        }
        assertThat(awaitRecord(x -> x.status() == 413).reason()).contains("request body larger than");
        assertThat(http.seen).isEmpty();
    }

    @Test
    void slowClientsTimeOut() throws Exception {
        try (RawHttp c = client()) {
            c.send("GET " + allowed("/") + " HTTP/1.1\r\nHost: allowed");
            assertThat(c.read().status()).isEqualTo(408);
            assertThat(c.closedByPeer()).isTrue();
        }
        assertThat(awaitRecord(x -> x.status() == 408).reason()).contains("slow client");
    }

    @Test
    void unreachableUpstreamGets502AndIsLogged() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        writeSandboxPolicy(SANDBOX, List.of("allow allowed.example:" + dead, "allow 127.0.0.1:" + dead));
        assertThat(get("http://allowed.example:" + dead + "/").status()).isEqualTo(502);
        EgressRecord r = awaitRecord(x -> x.status() == 502);
        assertThat(r.reason()).contains("upstream unreachable");
        assertThat(r.decision()).isEqualTo("allow");
    }

    @Test
    void anAllowedNameThatDoesNotResolveGets502AndIsLogged() throws Exception {
        writeSandboxPolicy(SANDBOX, List.of("allow nowhere.example:" + http.port()));
        assertThat(get("http://nowhere.example:" + http.port() + "/").status()).isEqualTo(502);
        EgressRecord r = awaitRecord(x -> x.host().equals("nowhere.example"));
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.decision()).isEqualTo("allow");
    }

    @Test
    void anUnwritableLogMakesTheProxyFailClosed() throws Exception {
        assertThat(get(allowed("/before")).status()).isEqualTo(200);
        log.close();
        RawHttp.Response r = get(allowed("/after"));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).contains("egress log cannot be written");
        assertThat(http.seen).extracting(TestUpstream.Seen::path).containsExactly("/before");
    }

    @Test
    void sandboxRulesApplyOnlyToTheirSandbox() throws Exception {
        store.write("other", PolicyDocument.EMPTY);
        try (ProxyListener other = proxy.start("other", new dev.cofferdam.vm.policy.StorePolicySource(store,
                dev.cofferdam.vm.policy.BalancedAllowlist.shipped()), log);
             RawHttp c = new RawHttp(other.port())) {
            assertThat(c.send(request("GET", allowed("/"))).read().status()).isEqualTo(403);
        }
        assertThat(log.query(EgressQuery.sandbox("other"))).singleElement()
                .satisfies(r -> assertThat(r.decision()).isEqualTo("deny"));
    }
}
