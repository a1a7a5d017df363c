package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cofferdam.vm.egress.EgressQuery;
import dev.cofferdam.vm.egress.EgressRecord;
import dev.cofferdam.vm.egress.EgressRuntime;
import dev.cofferdam.vm.egress.OverrideResolver;
import dev.cofferdam.vm.egress.Resolver;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.RuleParser;
import dev.cofferdam.vm.policy.Tier;
import dev.cofferdam.vm.secret.BackendSetting;
import dev.cofferdam.vm.secret.Credential;
import dev.cofferdam.vm.secret.CredentialVault;
import dev.cofferdam.vm.secret.PrivateKeyring;
import dev.cofferdam.vm.secret.SecretBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #5 item 6 end to end: inside a real {@code agent} guest, Python's urllib makes an HTTPS
 * request through the sandbox's proxy (the guest's own HTTPS_PROXY and CA settings, nothing
 * special) to a loopback TLS upstream under a {@code .test} name, with the credential's
 * placeholder in a header. The proxy intercepts, swaps in the real value (held in a real
 * gnome-keyring on a private bus when that is installed, else in the encrypted file), and logs
 * the credential's name; the real value is then searched for in the guest's environment, files
 * and processes, read out and searched on the host, and is nowhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class SandboxCredentialIT {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxCredentialIT.class);
    private static final String BOX = "cred";
    private static final String HOST = "api.cofferdam.test";
    private static final String SECRET = "sk-real-value-f00dfacecafe-must-stay-on-the-host";
    private static final String PLACEHOLDER = "cofferdam-custom-placeholder-5e6f7a";

    @TempDir
    static Path data;
    private PrivateKeyring keyring;
    private SecretBackend heldIn;
    private LoopbackTlsUpstream upstream;
    private EgressRuntime runtime;
    private ProxyEgressRelay relay;
    private SandboxService service;
    private Path workspace;

    @BeforeAll
    void boot() throws Exception {
        CofferdamDirs dirs = new CofferdamDirs(data.resolve("config"), data.resolve("egress"));
        CredentialVault vault;
        if (PrivateKeyring.missing().isEmpty()) {
            keyring = PrivateKeyring.start(data.resolve("keyring"));
            vault = new CredentialVault(dirs.config(), keyring.keychain(), BackendSetting.KEYCHAIN);
        } else {
            LOG.warn("{}; the credential is held in the encrypted file instead", PrivateKeyring.missing().get());
            vault = new CredentialVault(dirs.config(), null, BackendSetting.FILE);
        }
        heldIn = vault.store(new Credential("custom", List.of(HOST), "CUSTOM_API_KEY", PLACEHOLDER), SECRET, null)
                .heldIn();
        upstream = new LoopbackTlsUpstream(HOST, "Bearer " + SECRET);
        PolicyDocument doc = PolicyDocument.EMPTY.withTier(Tier.BALANCED)
                .with(RuleParser.parse(RuleAction.ALLOW, HOST + ":" + upstream.port()))
                .with(RuleParser.parse(RuleAction.ALLOW, "127.0.0.1:" + upstream.port()));
        new PolicyStore(dirs.config()).write(BOX, doc);
        Resolver resolver = OverrideResolver.parse(List.of(HOST + "=127.0.0.1"), Resolver.none());
        runtime = EgressRuntime.open(dirs, resolver, vault, upstream.trust);
        relay = new ProxyEgressRelay(runtime, vault);
        service = TestGuests.service(data.resolve("vm"), relay);
        assumeTrue(TestGuests.root(), "a workspace (virtiofsd) and building the agent image need root");
        TestGuests.agentImage(service);
        workspace = Files.createDirectories(data.resolve("workspace"));
        Files.writeString(workspace.resolve("README.md"), "a project the agent works on\n");
        service.create(new SandboxSpec(BOX, "agent", SandboxSpec.DEFAULT_CPUS, 512, Optional.of(workspace), false),
                (s, d, t) -> { });
    }

    @AfterAll
    void cleanup() throws Exception {
        TestGuests.closeAll(service, relay, runtime, upstream, keyring);
    }

    @Test
    void pythonInTheGuestReachesTheUpstreamWithTheRealSecretThatNeverEntersTheGuest() throws Exception {
        LOG.info("credential held in the {}", heldIn.label());
        String script = String.join("\n",
                "import os, urllib.request",
                "url = 'https://" + HOST + ":" + upstream.port() + "/v1/messages'",
                "req = urllib.request.Request(url, headers={'Authorization': 'Bearer ' + os.environ['CUSTOM_API_KEY']})",
                "with urllib.request.urlopen(req, timeout=60) as r:",
                "    print(r.status, r.read().decode())");
        Files.writeString(workspace.resolve("call.py"), script + "\n");
        TestGuests.Output o = sh("cd " + workspace + " && timeout 120 python3 call.py");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).isEqualTo("200 authorized /v1/messages\n");

        assertThat(upstream.seen).singleElement().satisfies(s -> {
            assertThat(s.authorization()).isEqualTo("Bearer " + SECRET);
            assertThat(s.host()).startsWith(HOST);
        });
        List<EgressRecord> records = runtime.log().query(EgressQuery.sandbox(BOX));
        assertThat(records).filteredOn(r -> "custom".equals(r.credential())).singleElement().satisfies(r -> {
            assertThat(r.host()).isEqualTo(HOST);
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.decision()).isEqualTo("allow");
            assertThat(r.path()).isEqualTo("/v1/messages");
        });

        // Everything below is read out of the guest and searched on the host: typing the secret
        // into a guest command would itself put it in the guest's process list.
        TestGuests.Output env = sh("env");
        assertThat(env.out()).contains("CUSTOM_API_KEY=" + PLACEHOLDER).doesNotContain(SECRET);
        TestGuests.Output procs = sh("ps -ef 2>/dev/null; for p in /proc/[0-9]*; do timeout 5 cat $p/cmdline; echo;"
                + " timeout 5 cat $p/environ; echo; done | tr '\\000' '\\n'");
        assertThat(procs.out()).contains("CUSTOM_API_KEY=" + PLACEHOLDER).doesNotContain(SECRET);
        TestGuests.Output files = sh("timeout 120 find /etc /root /tmp /run " + workspace
                + " -xdev -type f -size -2048k -exec cat {} + 2>/dev/null; echo end-of-files");
        assertThat(files.out()).contains("BEGIN CERTIFICATE").contains("a project the agent works on")
                .contains("urllib.request").endsWith("end-of-files\n")
                .doesNotContain(SECRET);
    }

    private TestGuests.Output sh(String script) throws SandboxException {
        return TestGuests.run(service, BOX, "sh", "-c", script);
    }
}
