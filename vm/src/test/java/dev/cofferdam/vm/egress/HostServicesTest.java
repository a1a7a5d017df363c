package dev.cofferdam.vm.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.Tier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Host services through a real proxy on loopback: a registered {@code *.cofferdam.internal} name
 * reaches its loopback port even when the sandbox is Locked Down, in absolute or origin form, and is
 * logged; nothing else changes (unregistered names, other sandboxes, other origin-form requests).
 */
class HostServicesTest extends ProxyTestBase {

    @BeforeEach
    void lockDownAndRegister() throws Exception {
        store.write(SANDBOX, PolicyDocument.EMPTY.withTier(Tier.LOCKED_DOWN));
        proxy.services().register(SANDBOX, "mcp", http.port());
    }

    @Test
    void absoluteFormReachesTheServiceUnderLockedDownAndIsLogged() throws Exception {
        RawHttp.Response r = get("http://mcp.cofferdam.internal/mcp?token=x");
        assertThat(r.status()).isEqualTo(200);
        assertThat(http.seen).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("/mcp?token=x");
            assertThat(s.host()).isEqualTo("mcp.cofferdam.internal:" + http.port());
        });
        EgressRecord rec = awaitRecord(x -> x.host().equals("mcp.cofferdam.internal"));
        assertThat(rec.decision()).isEqualTo("allow");
        assertThat(rec.rule()).isEqualTo("service:mcp.cofferdam.internal");
        assertThat(rec.path()).isEqualTo("/mcp?<redacted>");
    }

    @Test
    void aPostKeepsItsMethodAndBody() throws Exception {
        try (RawHttp c = client()) {
            RawHttp.Response r = c.send("POST http://mcp.cofferdam.internal:3128/mcp HTTP/1.1\r\nHost: "
                    + "mcp.cofferdam.internal:3128\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").read();
            assertThat(r.status()).isEqualTo(200);
        }
        assertThat(http.seen).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("POST");
            assertThat(s.body()).isEqualTo("{}");
        });
    }

    @Test
    void originFormAddressedByHostHeaderReachesTheService() throws Exception {
        RawHttp.Response r = get("/v1/logs", "Host: mcp.cofferdam.internal:3128");
        assertThat(r.status()).isEqualTo(200);
        assertThat(http.seen).extracting(TestUpstream.Seen::path).containsExactly("/v1/logs");
    }

    @Test
    void theSameLoopbackPortByAddressStaysDenied() throws Exception {
        assertThat(get("http://127.0.0.1:" + http.port() + "/").status()).isEqualTo(403);
        assertThat(http.seen).isEmpty();
    }

    @Test
    void unregisteredNamesAndOtherSandboxesServicesAreDenied() throws Exception {
        assertThat(get("http://telemetry.cofferdam.internal/").status()).isEqualTo(403);
        proxy.services().register("other", "db", http.port());
        assertThat(get("http://db.cofferdam.internal/").status()).isEqualTo(403);
        assertThat(get("/x", "Host: db.cofferdam.internal").status()).isEqualTo(400);
        assertThat(http.seen).isEmpty();
    }

    @Test
    void originFormToAnyOtherHostIsStillRefused() throws Exception {
        RawHttp.Response r = get("/", "Host: allowed.example");
        assertThat(r.status()).isEqualTo(400);
        assertThat(http.seen).isEmpty();
    }

    @Test
    void unregisteringEndsTheRoute() throws Exception {
        proxy.services().unregister(SANDBOX, "mcp");
        assertThat(get("http://mcp.cofferdam.internal/").status()).isEqualTo(403);
    }

    @Test
    void labelsAndPortsAreValidated() {
        assertThatThrownBy(() -> proxy.services().register(SANDBOX, "a.b", 80))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> proxy.services().register(SANDBOX, "ok", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
