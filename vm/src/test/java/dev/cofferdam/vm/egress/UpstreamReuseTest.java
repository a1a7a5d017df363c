package dev.cofferdam.vm.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.StorePolicySource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Keep-alive upstream connections kept between requests of one client connection: reused only for
 * the same host name, port and checked address, never across client connections or sandboxes, and
 * never instead of deciding the next request.
 */
class UpstreamReuseTest extends ProxyTestBase {

    @Override
    ProxySettings settings() {
        // a client connection may stay idle longer than the parking limit
        return super.settings().withRequestTimeout(Duration.ofSeconds(10));
    }

    private String uri(String host, String path) {
        return "http://" + host + ":" + http.port() + path;
    }

    private int peerOf(String path) {
        return http.seen.stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow().peerPort();
    }

    @Test
    void theNextRequestToTheSameHostReusesTheUpstreamConnectionAndIsLoggedOnItsOwn() throws Exception {
        try (RawHttp c = client()) {
            assertThat(c.send(request("GET", uri("allowed.example", "/a"))).read().status()).isEqualTo(200);
            assertThat(c.send(request("GET", uri("allowed.example", "/b"))).read().status()).isEqualTo(200);
        }
        assertThat(peerOf("/b")).isEqualTo(peerOf("/a"));
        assertThat(log.query(EgressQuery.sandbox(SANDBOX))).extracting(EgressRecord::path)
                .containsExactly("/a", "/b");
    }

    @Test
    void eachRequestIsCommittedToTheLogBeforeTheUpstreamSeesIt() throws Exception {
        List<String> missing = new CopyOnWriteArrayList<>();
        try (SqliteEgressLog other = SqliteEgressLog.open(dir.resolve("data"))) {
            http.onRequest = path -> {
                try {
                    if (other.query(EgressQuery.sandbox(SANDBOX)).stream().noneMatch(r -> r.path().equals(path))) {
                        missing.add(path);
                    }
                } catch (EgressLogException e) {
                    missing.add(path + ": " + e.getMessage());
                }
            };
            try (RawHttp c = client()) {
                for (String p : List.of("/1", "/2", "/3")) {
                    assertThat(c.send(request("GET", uri("allowed.example", p))).read().status()).isEqualTo(200);
                }
            }
        }
        assertThat(http.seen).hasSize(3);
        assertThat(missing).isEmpty();
    }

    @Test
    void manyPipelinedRequestsDecidedOnTheEventLoopAreAllAnsweredInOrder() throws Exception {
        int n = 3000;
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < n; i++) {
            all.append(request("GET", "http://evil.example:" + http.port() + "/p" + i));
        }
        try (RawHttp c = client()) {
            c.send(all.toString());
            for (int i = 0; i < n; i++) {
                assertThat(c.read().status()).isEqualTo(403);
            }
        }
        assertThat(http.seen).isEmpty();
        assertThat(log.query(EgressQuery.all())).hasSize(n)
                .allMatch(r -> r.decision().equals("deny"));
    }

    @Test
    void anIdleUpstreamConnectionIsNotKeptLongerThanTheParkingLimit() throws Exception {
        try (RawHttp c = client()) {
            assertThat(c.send(request("GET", uri("allowed.example", "/a"))).read().status()).isEqualTo(200);
            Thread.sleep(ParkedUpstream.MAX_PARKED_MILLIS + 1000);
            assertThat(c.send(request("GET", uri("allowed.example", "/b"))).read().status()).isEqualTo(200);
        }
        assertThat(peerOf("/b")).isNotEqualTo(peerOf("/a"));
    }

    @Test
    void anotherHostNameOnTheSameAddressGetsItsOwnConnection() throws Exception {
        try (RawHttp c = client()) {
            assertThat(c.send(request("GET", uri("allowed.example", "/a"))).read().status()).isEqualTo(200);
            assertThat(c.send(request("GET", uri("127.0.0.1", "/b"))).read().status()).isEqualTo(200);
            assertThat(c.send(request("GET", uri("allowed.example", "/c"))).read().status()).isEqualTo(200);
        }
        assertThat(peerOf("/b")).isNotEqualTo(peerOf("/a"));
        assertThat(peerOf("/c")).isNotEqualTo(peerOf("/a")).isNotEqualTo(peerOf("/b"));
    }

    @Test
    void connectionsAreNeverSharedBetweenClientsOrSandboxes() throws Exception {
        writeSandboxPolicy("other", List.of());
        try (ProxyListener other = proxy.start("other", new StorePolicySource(store, BalancedAllowlist.shipped()),
                log);
             RawHttp a = client(); RawHttp b = client(); RawHttp o = new RawHttp(other.port())) {
            assertThat(a.send(request("GET", uri("allowed.example", "/a1"))).read().status()).isEqualTo(200);
            assertThat(b.send(request("GET", uri("allowed.example", "/b1"))).read().status()).isEqualTo(200);
            assertThat(o.send(request("GET", uri("allowed.example", "/o1"))).read().status()).isEqualTo(200);
            assertThat(a.send(request("GET", uri("allowed.example", "/a2"))).read().status()).isEqualTo(200);
            assertThat(o.send(request("GET", uri("allowed.example", "/o2"))).read().status()).isEqualTo(200);
        }
        assertThat(List.of(peerOf("/a1"), peerOf("/b1"), peerOf("/o1"))).doesNotHaveDuplicates();
        assertThat(peerOf("/a2")).isEqualTo(peerOf("/a1"));
        assertThat(peerOf("/o2")).isEqualTo(peerOf("/o1"));
        assertThat(log.query(EgressQuery.sandbox("other"))).extracting(EgressRecord::path)
                .containsExactly("/o1", "/o2");
    }

    @Test
    void aPolicyEditDeniesTheNextRequestAlthoughAnUpstreamConnectionIsKept() throws Exception {
        try (RawHttp c = client()) {
            assertThat(c.send(request("GET", uri("allowed.example", "/1"))).read().status()).isEqualTo(200);
            writeSandboxPolicy(SANDBOX, List.of("deny allowed.example"));
            assertThat(c.send(request("GET", uri("allowed.example", "/2"))).read().status()).isEqualTo(403);
            writeSandboxPolicy(SANDBOX, List.of());
            assertThat(c.send(request("GET", uri("allowed.example", "/3"))).read().status()).isEqualTo(200);
        }
        assertThat(http.seen).extracting(TestUpstream.Seen::path).containsExactly("/1", "/3");
        assertThat(log.query(EgressQuery.sandbox(SANDBOX))).extracting(EgressRecord::decision)
                .containsExactly("allow", "deny", "allow");
    }
}
