package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.vm.egress.EgressQuery;
import dev.cofferdam.vm.egress.EgressRecord;
import dev.cofferdam.vm.egress.EgressRuntime;
import dev.cofferdam.vm.egress.OverrideResolver;
import dev.cofferdam.vm.egress.Resolver;
import dev.cofferdam.vm.image.GuestImage;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.RuleParser;
import dev.cofferdam.vm.policy.Tier;
import dev.cofferdam.vm.secret.Credential;
import dev.cofferdam.vm.secret.EncryptedFileSecretStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * The agent CLIs in a real agent-template guest behind the real egress proxy. Each CLI answers
 * {@code --version}; then each is run non-interactively with a prompt, pointed by its own base-URL
 * setting at a loopback TLS upstream under a {@code .test} name (the resolver override maps it to
 * 127.0.0.1) to which a credential is bound: the upstream must receive the real secret in the
 * CLI's own auth header while the guest only ever held the placeholder, and the egress log must
 * show the intercepted request with the credential. The CLI is killed once its request is seen
 * (the upstream answers 401, which some CLIs retry).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 1800, unit = TimeUnit.SECONDS)
class SandboxAgentClisIT {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxAgentClisIT.class);
    private static final String BOX = "clis";
    /** Starting a Node.js CLI under TCG takes tens of seconds; a first request can take minutes. */
    private static final long REQUEST_WAIT_SECONDS = 400;

    @TempDir
    static Path data;
    private TlsRecorder upstream;
    private EgressRuntime runtime;
    private EncryptedFileSecretStore secrets;
    private ProxyEgressRelay relay;
    private SandboxService service;
    private GuestImage image;

    @BeforeAll
    void boot() throws Exception {
        upstream = new TlsRecorder(List.of("anthropic.test", "openai.test", "gemini.test"));
        CofferdamDirs dirs = new CofferdamDirs(data.resolve("config"), data.resolve("egress"));
        secrets = new EncryptedFileSecretStore(dirs.config());
        for (Cli cli : Cli.values()) {
            secrets.put(new Credential(cli.credential(), List.of(cli.host()), cli.envVar(), cli.placeholder()), cli.secret());
        }
        Resolver resolver = OverrideResolver.parse(List.of("anthropic.test=127.0.0.1", "openai.test=127.0.0.1",
                "gemini.test=127.0.0.1"), Resolver.none());
        runtime = EgressRuntime.open(dirs, resolver, upstream.trust);
        // The names resolve to loopback, which only an exact address rule admits (DNS-rebinding guard).
        PolicyDocument policy = PolicyDocument.EMPTY.withTier(Tier.BALANCED)
                .with(RuleParser.parse(RuleAction.ALLOW, "127.0.0.1:" + upstream.port()));
        for (Cli cli : Cli.values()) {
            policy = policy.with(RuleParser.parse(RuleAction.ALLOW, cli.host() + ":" + upstream.port()));
        }
        new PolicyStore(dirs.config()).write(BOX, policy);
        relay = new ProxyEgressRelay(runtime, secrets);
        service = TestGuests.service(data.resolve("vm"), relay);
        image = TestGuests.agentImage(service);
        long t = System.nanoTime();
        service.create(new SandboxSpec(BOX, "agent", 2, 2048, Optional.empty(), false), (s, d, n) -> { });
        LOG.info("{} booted in {} ms", BOX, (System.nanoTime() - t) / 1_000_000);
    }

    @AfterAll
    void cleanup() throws Exception {
        TestGuests.closeAll(service, relay, runtime, upstream);
    }

    @Test
    void eachCliAnswersVersionWithTheVersionRecordedInTheImage() throws Exception {
        assertThat(image.tools()).containsKeys("npm", "claude", "codex", "gemini");
        for (Cli cli : Cli.values()) {
            long t = System.nanoTime();
            TestGuests.Output o = TestGuests.run(service, BOX, cli.command(), "--version");
            long ms = (System.nanoTime() - t) / 1_000_000;
            LOG.info("`{} --version` in the guest (TCG): {} ms: {}", cli.command(), ms, o.out().strip());
            assertThat(o.code()).as(cli.command() + " --version: " + o.err()).isZero();
            assertThat(o.out()).as(cli.command()).contains(image.tools().get(cli.command()));
        }
        long t = System.nanoTime();
        TestGuests.Output direct = TestGuests.run(service, BOX, "env", "GEMINI_CLI_NO_RELAUNCH=true", "gemini", "--version");
        LOG.info("`gemini --version` without its relaunch (GEMINI_CLI_NO_RELAUNCH=true): {} ms: {}",
                (System.nanoTime() - t) / 1_000_000, direct.out().strip());
        assertThat(direct.out()).contains(image.tools().get("gemini"));
        TestGuests.Output where = TestGuests.run(service, BOX, "sh", "-c",
                "for c in claude codex gemini; do command -v $c; done");
        assertThat(where.out().lines()).containsExactly("/usr/local/bin/claude", "/usr/local/bin/codex",
                "/usr/local/bin/gemini");
    }

    @Test
    void thePublicRootsAndTheInterceptionCaAreBothInTheGuestsBundle() throws Exception {
        TestGuests.Output o = TestGuests.run(service, BOX, "sh", "-c",
                "grep -c 'BEGIN CERTIFICATE' /etc/ssl/certs/ca-certificates.crt $SSL_CERT_FILE; tail -c 4096 $SSL_CERT_FILE");
        String[] counts = o.out().lines().limit(2).map(l -> l.replaceAll(".*:", "")).toArray(String[]::new);
        assertThat(Integer.parseInt(counts[0])).as(o.out()).isGreaterThan(50);
        assertThat(Integer.parseInt(counts[1])).isEqualTo(Integer.parseInt(counts[0]) + 1);
        assertThat(o.out()).endsWith(runtime.ca().pem());
        assertThat(TestGuests.run(service, BOX, "cat", ProxyEgressRelay.GUEST_CA_FILE).out()).isEqualTo(runtime.ca().pem());
    }

    @Test
    void claudeCodesFirstRequestCarriesTheRealKeyOnlyPastTheProxy() throws Exception {
        reachesTheUpstreamWithTheSecret(Cli.CLAUDE);
    }

    @Test
    void codexsFirstRequestCarriesTheRealKeyOnlyPastTheProxy() throws Exception {
        reachesTheUpstreamWithTheSecret(Cli.CODEX);
    }

    @Test
    void geminiClisFirstRequestCarriesTheRealKeyOnlyPastTheProxy() throws Exception {
        GuestFiles.install(service, BOX, "/root/.gemini/settings.json", Cli.GEMINI_SETTINGS);
        reachesTheUpstreamWithTheSecret(Cli.GEMINI);
    }

    private void reachesTheUpstreamWithTheSecret(Cli cli) throws Exception {
        long mark = lastId();
        String base = "https://" + cli.host() + ":" + upstream.port();
        Map<String, String> env = cli.environment(base);
        List<String> argv = new ArrayList<>(List.of("sh", "-c", "echo $$ > /tmp/" + cli.command() + ".pid; exec timeout "
                + REQUEST_WAIT_SECONDS + " \"$@\" < /dev/null", "sh"));
        argv.addAll(cli.prompt(base));
        ExecRequest req = new ExecRequest(argv, env, "/root", Optional.empty(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long t = System.nanoTime();
        CompletableFuture<ExecResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return service.exec(BOX, req, (isErr, d, n) -> {
                    synchronized (out) {
                        out.write(d, 0, n);
                    }
                });
            } catch (SandboxException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REQUEST_WAIT_SECONDS);
        while (upstream.to(cli.host()).isEmpty() && !run.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        LOG.info("{}: first request at the upstream after {} ms", cli.command(), (System.nanoTime() - t) / 1_000_000);
        TestGuests.run(service, BOX, "sh", "-c", "kill $(cat /tmp/" + cli.command() + ".pid) 2>/dev/null; true");
        run.get(120, TimeUnit.SECONDS);
        String guestOutput;
        synchronized (out) {
            guestOutput = out.toString(StandardCharsets.UTF_8);
        }
        List<TlsRecorder.Seen> seen = upstream.to(cli.host());
        assertThat(seen).as(cli.command() + " output: " + guestOutput).isNotEmpty();
        TlsRecorder.Seen first = seen.get(0);
        LOG.info("{}: {} {} with {}", cli.command(), first.method(), first.path(), first.headers().keySet());
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).startsWith(cli.pathPrefix());
        assertThat(first.headers().get(cli.header())).isEqualTo(cli.headerValue(cli.secret()));
        assertThat(first.headers().toString()).doesNotContain(cli.placeholder());
        // The guest only ever had the placeholder: its environment, and nothing the CLI printed holds the secret.
        TestGuests.Output genv = TestGuests.run(service, BOX, "env");
        assertThat(genv.out()).contains(cli.envVar() + "=" + cli.placeholder()).doesNotContain(cli.secret());
        assertThat(guestOutput).doesNotContain(cli.secret());
        List<EgressRecord> logged = runtime.log().query(new EgressQuery(BOX, null, null, mark, 1000)).stream()
                .filter(r -> r.host().equals(cli.host()) && !r.method().equals("CONNECT")).toList();
        assertThat(logged).as("egress log of %s", cli.host()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.decision()).isEqualTo("allow");
            assertThat(r.credential()).isEqualTo(cli.credential());
        });
        assertThat(logged.get(0).status()).isEqualTo(401);
        assertThat(logged.get(0).path()).startsWith(cli.pathPrefix()).doesNotContain(cli.placeholder());
    }

    private long lastId() throws Exception {
        List<EgressRecord> all = runtime.log().query(EgressQuery.sandbox(BOX));
        return all.isEmpty() ? 0 : all.get(all.size() - 1).id();
    }

    /** How each CLI is pointed at the test upstream, and what its first request looks like. */
    enum Cli {
        CLAUDE("claude", "anthropic.test", "ANTHROPIC_API_KEY", "x-api-key", "/v1/messages"),
        CODEX("codex", "openai.test", "OPENAI_API_KEY", "authorization", "/v1/responses"),
        GEMINI("gemini", "gemini.test", "GEMINI_API_KEY", "x-goog-api-key", "/v1beta/models/");

        /** Gemini CLI 0.61 rejects the auth type it derives from GOOGLE_GEMINI_BASE_URL: name the API-key one. */
        static final String GEMINI_SETTINGS = "{\"security\":{\"auth\":{\"selectedType\":\"gemini-api-key\"}},"
                + "\"privacy\":{\"usageStatisticsEnabled\":false}}\n";

        private final String command;
        private final String host;
        private final String envVar;
        private final String header;
        private final String pathPrefix;

        Cli(String command, String host, String envVar, String header, String pathPrefix) {
            this.command = command;
            this.host = host;
            this.envVar = envVar;
            this.header = header;
            this.pathPrefix = pathPrefix;
        }

        String command() {
            return command;
        }

        String host() {
            return host;
        }

        String envVar() {
            return envVar;
        }

        String header() {
            return header;
        }

        String pathPrefix() {
            return pathPrefix;
        }

        String credential() {
            return command + "-test";
        }

        String placeholder() {
            return "cofferdam-placeholder-" + command + "-5e1d07";
        }

        String secret() {
            return "real-" + command + "-secret-that-stays-on-the-host-93c2";
        }

        String headerValue(String key) {
            return this == CODEX ? "Bearer " + key : key;
        }

        /** The variables a launcher sets besides the sandbox's own (placeholder, proxy, CA). */
        Map<String, String> environment(String baseUrl) {
            Map<String, String> env = new LinkedHashMap<>();
            switch (this) {
                case CLAUDE -> {
                    env.put("ANTHROPIC_BASE_URL", baseUrl);
                    env.put("DISABLE_TELEMETRY", "1");
                    env.put("DISABLE_ERROR_REPORTING", "1");
                    env.put("DISABLE_AUTOUPDATER", "1");
                    env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
                }
                case CODEX -> env.put("RUST_LOG", "warn");
                case GEMINI -> {
                    env.put("GOOGLE_GEMINI_BASE_URL", baseUrl);
                    env.put("GEMINI_CLI_TRUST_WORKSPACE", "true");
                    env.put("GEMINI_TELEMETRY_ENABLED", "false");
                    env.put("GEMINI_CLI_NO_RELAUNCH", "true");
                }
                default -> throw new IllegalStateException();
            }
            return env;
        }

        /** The non-interactive run with a prompt. */
        List<String> prompt(String baseUrl) {
            return switch (this) {
                case CLAUDE -> List.of("claude", "-p", "hi");
                case CODEX -> List.of("codex", "exec", "--skip-git-repo-check", "-c", "model_provider=cofferdam",
                        "-c", "model_providers.cofferdam.name=cofferdam",
                        "-c", "model_providers.cofferdam.base_url=" + baseUrl + "/v1",
                        "-c", "model_providers.cofferdam.env_key=" + envVar, "-c",
                        "model_providers.cofferdam.wire_api=responses", "hi");
                case GEMINI -> List.of("gemini", "-p", "hi");
            };
        }
    }
}
