package dev.cofferdam.vm.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.vm.secret.Credential;
import dev.cofferdam.vm.secret.EncryptedFileSecretStore;
import dev.cofferdam.vm.secret.InterceptionCa;
import dev.cofferdam.vm.secret.VaultCredentialSource;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §4 cases 36–38 and the credential half of 39: credentials bound to
 * {@code allowed.example} are injected by the proxy under TLS interception with the
 * per-installation CA; nothing else is touched.
 */
class InterceptionCasesTest extends ProxyTestBase {
    static final String SECRET = "sk-real-secret-value-0123456789";
    static final String OTHER_SECRET = "other-real-secret-value";
    InterceptionCa ca;
    String placeholder;
    String otherPlaceholder;
    ProxyListener icpListener;
    EgressProxy icpProxy;

    @BeforeEach
    void startInterceptingProxy() throws Exception {
        EncryptedFileSecretStore vault = new EncryptedFileSecretStore(dir.resolve("config"));
        placeholder = "cofferdam-placeholder-custom-9f2c41";
        otherPlaceholder = "cofferdam-placeholder-other-77ab01";
        vault.put(new Credential("custom", List.of("allowed.example"), "CUSTOM_TOKEN", placeholder), SECRET);
        vault.put(new Credential("other", List.of("other.example"), "OTHER_TOKEN", otherPlaceholder), OTHER_SECRET);
        ca = InterceptionCa.loadOrCreate(dir.resolve("config"));
        Interception icp = new Interception(ca, new VaultCredentialSource(vault), tls.trust);
        icpProxy = new EgressProxy(settings().withInterception(icp));
        icpListener = icpProxy.start(SANDBOX, new dev.cofferdam.vm.policy.StorePolicySource(store,
                dev.cofferdam.vm.policy.BalancedAllowlist.shipped()), log);
    }

    @org.junit.jupiter.api.AfterEach
    void stopInterceptingProxy() {
        icpListener.close();
        icpProxy.close();
    }

    /** CONNECT to allowed.example through the intercepting proxy, TLS trusting only the Cofferdam CA. */
    SSLSocket tunnel(RawHttp c) throws Exception {
        return tunnel(c, ca, tls.port());
    }

    /** CONNECT to allowed.example:{@code port} through a proxy, then TLS trusting only {@code ca}. */
    static SSLSocket tunnel(RawHttp c, InterceptionCa ca, int port) throws Exception {
        assertThat(c.send("CONNECT allowed.example:" + port + " HTTP/1.1\r\nHost: allowed.example\r\n\r\n")
                .read().status()).isEqualTo(200);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("cofferdam", ca.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        Socket raw = c.socket;
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, "allowed.example", port, true);
        s.startHandshake();
        return s;
    }

    static String exchange(SSLSocket s, String request) throws Exception {
        String closing = request.replaceFirst("\r\n\r\n$", "\r\nConnection: close\r\n\r\n");
        s.getOutputStream().write(closing.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void boundPlaceholderIsReplacedOnlyForItsHost() throws Exception {
        try (RawHttp c = new RawHttp(icpListener.port()); SSLSocket s = tunnel(c)) {
            String answer = exchange(s, "GET /v1/messages?key=" + placeholder + " HTTP/1.1\r\nHost: allowed.example:"
                    + tls.port() + "\r\nAuthorization: Bearer " + placeholder + "\r\nX-Other: " + otherPlaceholder
                    + "\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 200").contains("Authorization: Bearer " + SECRET)
                    .contains("X-Other: " + otherPlaceholder).doesNotContain(OTHER_SECRET).endsWith("tls ok");
        }
        EgressRecord r = awaitRecord(x -> x.method().equals("GET"));
        assertThat(r.credential()).isEqualTo("custom");
        assertThat(r.path()).isEqualTo("/v1/messages?<redacted>");
        StringWriter all = new StringWriter();
        log.exportJsonl(EgressQuery.all(), all);
        assertThat(all.toString()).doesNotContain(SECRET).doesNotContain(placeholder);
        assertThat(Files.readString(dir.resolve("config/ca/ca.pem"))).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void case36HostDifferentFromTheConnectHostUnderInterceptionIs421() throws Exception {
        try (RawHttp c = new RawHttp(icpListener.port()); SSLSocket s = tunnel(c)) {
            String answer = exchange(s, "GET / HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer "
                    + placeholder + "\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 421");
        }
        EgressRecord r = awaitRecord(x -> x.status() == 421);
        assertThat(r.decision()).isEqualTo("deny");
        assertThat(r.reason()).contains("evil.example");
        assertThat(tls.accepted.get()).isZero();
    }

    @Test
    void case37PlaceholderToAHostItIsNotBoundToIsNotSubstituted() throws Exception {
        try (RawHttp c = new RawHttp(icpListener.port())) {
            c.send(request("GET", "http://allowed.example:" + http.port() + "/plain", "Authorization: Bearer "
                    + otherPlaceholder, "X-Custom: " + placeholder));
            assertThat(c.read().status()).isEqualTo(200);
        }
        assertThat(awaitRecord(x -> x.path().equals("/plain")).credential()).isEmpty();
        assertThat(http.seen).singleElement().satisfies(s -> assertThat(s.path()).isEqualTo("/plain"));
        assertThat(http.seen.toString()).doesNotContain(SECRET).doesNotContain(OTHER_SECRET);
    }

    @Test
    void case38RedirectFromACredentialHostDoesNotCarryTheCredential() throws Exception {
        String target = "http://allowed.example:" + http.port() + "/landing";
        String answer;
        try (RawHttp c = new RawHttp(icpListener.port()); SSLSocket s = tunnel(c)) {
            answer = exchange(s, "GET /redirect?to=" + target + " HTTP/1.1\r\nHost: allowed.example:" + tls.port()
                    + "\r\nAuthorization: Bearer " + placeholder + "\r\n\r\n");
        }
        assertThat(answer).startsWith("HTTP/1.1 302").contains("Location: " + target);
        try (RawHttp c = new RawHttp(icpListener.port())) {
            c.send(request("GET", target, "Authorization: Bearer " + placeholder));
            assertThat(c.read().status()).isEqualTo(200);
        }
        assertThat(http.seen).singleElement().satisfies(s -> assertThat(s.path()).isEqualTo("/landing"));
        EgressRecord follow = awaitRecord(x -> x.path().equals("/landing"));
        assertThat(follow.credential()).isEmpty();
        assertThat(awaitRecord(x -> x.path().startsWith("/redirect")).credential()).isEqualTo("custom");
    }
}
