package dev.cofferdam.vm.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.StorePolicySource;
import dev.cofferdam.vm.secret.BackendSetting;
import dev.cofferdam.vm.secret.Credential;
import dev.cofferdam.vm.secret.CredentialVault;
import dev.cofferdam.vm.secret.InterceptionCa;
import dev.cofferdam.vm.secret.PrivateKeyring;
import dev.cofferdam.vm.secret.SecretBackend;
import dev.cofferdam.vm.secret.VaultCredentialSource;
import java.io.StringWriter;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy injects a credential whose value only a real Secret Service (gnome-keyring on a
 * private bus) holds: it reads through the same {@link CredentialVault} as the CLI. A keychain
 * that is gone means no injection (logged), never a wrong value.
 */
class KeychainInjectionTest extends ProxyTestBase {
    static final String SECRET = "sk-only-in-the-keychain-77c1e0";
    static final String PLACEHOLDER = "cofferdam-custom-keychain-3b9d";
    PrivateKeyring keyring;
    CredentialVault vault;
    InterceptionCa ca;
    EgressProxy icpProxy;
    ProxyListener icpListener;

    @BeforeEach
    void startKeyringAndInterceptingProxy() throws Exception {
        assumeTrue(PrivateKeyring.missing().isEmpty(), PrivateKeyring.missing().orElse(""));
        keyring = PrivateKeyring.start(dir.resolve("keyring"));
        vault = new CredentialVault(dir.resolve("config"), keyring.keychain(), BackendSetting.KEYCHAIN);
        assertThat(vault.store(new Credential("custom", List.of("allowed.example"), "CUSTOM_TOKEN", PLACEHOLDER),
                SECRET, null).heldIn()).isEqualTo(SecretBackend.KEYCHAIN);
        ca = InterceptionCa.loadOrCreate(dir.resolve("config"));
        icpProxy = new EgressProxy(settings().withInterception(
                new Interception(ca, new VaultCredentialSource(vault), tls.trust)));
        icpListener = icpProxy.start(SANDBOX, new StorePolicySource(store, BalancedAllowlist.shipped()), log);
    }

    @AfterEach
    void stopAll() throws Exception {
        if (icpListener != null) {
            icpListener.close();
            icpProxy.close();
        }
        if (keyring != null) {
            keyring.close();
        }
    }

    @Test
    void theProxyInjectsAValueHeldInTheKeychain() throws Exception {
        assertThat(vault.entries()).singleElement().satisfies(e -> assertThat(e.heldIn()).isEqualTo(SecretBackend.KEYCHAIN));
        assertThatThrownBy(() -> vault.file().value("custom")).as("not in the file")
                .hasMessageContaining("held in the OS keychain");
        String answer;
        try (RawHttp c = new RawHttp(icpListener.port()); SSLSocket s = tunnel(c)) {
            answer = InterceptionCasesTest.exchange(s, "GET /v1/models HTTP/1.1\r\nHost: allowed.example:" + tls.port()
                    + "\r\nAuthorization: Bearer " + PLACEHOLDER + "\r\n\r\n");
        }
        assertThat(answer).startsWith("HTTP/1.1 200").contains("Authorization: Bearer " + SECRET)
                .doesNotContain(PLACEHOLDER).endsWith("tls ok");
        EgressRecord r = awaitRecord(x -> x.method().equals("GET"));
        assertThat(r.credential()).isEqualTo("custom");
        StringWriter all = new StringWriter();
        log.exportJsonl(EgressQuery.all(), all);
        assertThat(all.toString()).doesNotContain(SECRET);
    }

    @Test
    void withTheKeychainGoneNothingIsInjectedAndTheHostIsNotIntercepted() throws Exception {
        keyring.stopKeyring();
        VaultCredentialSource fresh = new VaultCredentialSource(vault);
        assertThat(fresh.forHost("allowed.example")).isEmpty();
        keyring.startKeyring();
        assertThat(new VaultCredentialSource(vault).forHost("allowed.example")).singleElement()
                .satisfies(b -> assertThat(b.value()).isEqualTo(SECRET));
    }

    private SSLSocket tunnel(RawHttp c) throws Exception {
        return InterceptionCasesTest.tunnel(c, ca, tls.port());
    }
}
