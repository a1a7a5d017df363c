package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cofferdam.vm.egress.EgressProxy;
import dev.cofferdam.vm.egress.OverrideResolver;
import dev.cofferdam.vm.egress.ProxyListener;
import dev.cofferdam.vm.egress.ProxySettings;
import dev.cofferdam.vm.egress.Resolver;
import dev.cofferdam.vm.egress.SqliteEgressLog;
import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.RuleParser;
import dev.cofferdam.vm.policy.StorePolicySource;
import dev.cofferdam.vm.policy.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sandbox logs NAME --egress}: records written by a real egress proxy on loopback (a real
 * upstream HTTP server on 127.0.0.1, names from a resolver override) into the egress log of the
 * data directory, read back by the CLI without any sandbox existing.
 */
class SandboxEgressLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    @RegisterExtension
    final StdStreams std = new StdStreams();
    private HttpServer upstream;
    private SqliteEgressLog log;
    private EgressProxy proxy;
    private ProxyListener listener;

    @BeforeEach
    void setUp() {
        System.setProperty("cofferdam.config.dir", dir.resolve("config").toString());
        System.setProperty("cofferdam.data.dir", dir.resolve("data").toString());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("cofferdam.config.dir");
        System.clearProperty("cofferdam.data.dir");
        if (listener != null) {
            listener.close();
            proxy.close();
            log.close();
            upstream.stop(0);
        }
    }

    /** A proxy for sandbox "box": allowed.example and 127.0.0.1 on the upstream's port are allowed. */
    private void startProxy() throws Exception {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        upstream.createContext("/", ex -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        upstream.start();
        PolicyStore store = new PolicyStore(dir.resolve("config"));
        store.write(null, PolicyDocument.EMPTY.withTier(Tier.BALANCED));
        store.write("box", PolicyDocument.EMPTY
                .with(RuleParser.parse(RuleAction.ALLOW, "allowed.example:" + port()))
                .with(RuleParser.parse(RuleAction.ALLOW, "127.0.0.1:" + port())));
        log = SqliteEgressLog.open(dir.resolve("data"));
        Resolver resolver = OverrideResolver.parse(List.of("allowed.example=127.0.0.1", "evil.example=127.0.0.1"),
                Resolver.none());
        proxy = new EgressProxy(ProxySettings.defaults(resolver).withRequestTimeout(Duration.ofSeconds(5)));
        listener = proxy.start("box", new StorePolicySource(store, BalancedAllowlist.shipped()), log);
    }

    private int port() {
        return upstream.getAddress().getPort();
    }

    /** Sends GET http://HOST:PORT/path through the proxy; returns the HTTP status. */
    private int get(String host, String path) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
            s.setSoTimeout(10_000);
            String authority = host + ":" + port();
            OutputStream o = s.getOutputStream();
            o.write(("GET http://" + authority + path + " HTTP/1.1\r\nHost: " + authority
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            o.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            in.readAllBytes();
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    private int run(String... args) {
        std.reset();
        return CofferdamCommand.run(args);
    }

    private List<JsonNode> jsonLines() throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : std.out().split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    /** Waits (at most 10 s) for a condition that another thread makes true. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void tableAndJsonShowTheProxysRecordsOldestFirst() throws Exception {
        startProxy();
        assertThat(get("allowed.example", "/one")).isEqualTo(200);
        assertThat(get("evil.example", "/two")).isEqualTo(403);
        assertThat(get("allowed.example", "/three")).isEqualTo(200);

        assertThat(run("sandbox", "logs", "box", "--egress")).isZero();
        String[] rows = std.out().split("\n");
        assertThat(rows).hasSize(4);
        assertThat(rows[0]).startsWith("TIME").contains("HOST:PORT", "DECISION", "RULE", "UP", "DOWN", "MS");
        assertThat(rows[1]).contains("GET", "allowed.example:" + port(), "allow", "allowed.example:" + port());
        assertThat(rows[2]).contains("GET", "evil.example:" + port(), "deny");
        assertThat(rows[3]).contains("allowed.example:" + port(), "allow");

        assertThat(run("sandbox", "logs", "box", "--egress", "--json")).isZero();
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(n -> assertThat(n.get("sandbox").asText()).isEqualTo("box"));
        assertThat(lines).extracting(n -> n.get("host").asText())
                .containsExactly("allowed.example", "evil.example", "allowed.example");
        assertThat(lines).extracting(n -> n.get("decision").asText()).containsExactly("allow", "deny", "allow");
        assertThat(lines.get(0).get("rule").asText()).isEqualTo("allowed.example:" + port());
        assertThat(lines.get(0).get("path").asText()).isEqualTo("/one");
        assertThat(lines.get(0).get("schema").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("id").asLong()).isLessThan(lines.get(2).get("id").asLong());

        assertThat(run("sandbox", "logs", "box", "--egress", "--json", "-n", "1")).isZero();
        assertThat(jsonLines()).singleElement().satisfies(n -> assertThat(n.get("path").asText()).isEqualTo("/three"));
    }

    @Test
    void hostsAggregatesPerHost() throws Exception {
        startProxy();
        assertThat(get("allowed.example", "/a")).isEqualTo(200);
        assertThat(get("allowed.example", "/b")).isEqualTo(200);
        assertThat(get("evil.example", "/c")).isEqualTo(403);

        assertThat(run("sandbox", "logs", "box", "--egress", "--hosts")).isZero();
        String[] rows = std.out().split("\n");
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).startsWith("HOST").contains("COUNT", "LAST SEEN", "DECISION", "RULE");
        assertThat(std.out()).containsPattern("allowed\\.example +2 +\\S+ \\S+ +allow +allowed\\.example:" + port())
                .containsPattern("evil\\.example +1 .* deny ");

        assertThat(run("sandbox", "logs", "box", "--egress", "--hosts", "--json")).isZero();
        assertThat(jsonLines()).anySatisfy(n -> {
            assertThat(n.get("host").asText()).isEqualTo("allowed.example");
            assertThat(n.get("count").asLong()).isEqualTo(2);
        }).anySatisfy(n -> {
            assertThat(n.get("host").asText()).isEqualTo("evil.example");
            assertThat(n.get("decision").asText()).isEqualTo("deny");
        });
    }

    @Test
    void followPrintsARecordCommittedAfterItStarted() throws Exception {
        startProxy();
        assertThat(get("allowed.example", "/before")).isEqualTo(200);
        std.reset();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread follower = new Thread(() -> exit.set(
                CofferdamCommand.run(new String[] {"sandbox", "logs", "box", "--egress", "--follow", "--json"})));
        follower.start();
        try {
            await(() -> std.out().contains("/before"));
            assertThat(get("evil.example", "/after")).isEqualTo(403);
            assertThat(get("allowed.example", "/later")).isEqualTo(200);
            await(() -> std.out().contains("/later"));
        } finally {
            follower.interrupt();
            follower.join(10_000);
        }
        assertThat(follower.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        List<JsonNode> lines = jsonLines();
        assertThat(lines).extracting(n -> n.get("path").asText()).containsExactly("/before", "/after", "/later");
        assertThat(lines.get(1).get("decision").asText()).isEqualTo("deny");
        // Printed once the exchange ended: the outcome is filled in.
        assertThat(lines.get(2).get("status").asInt()).isEqualTo(200);
        assertThat(lines.get(2).get("bytesDown").asLong()).isPositive();
    }

    @Test
    void followForStopsByItself() throws Exception {
        startProxy();
        assertThat(get("allowed.example", "/x")).isEqualTo(200);
        assertThat(run("sandbox", "logs", "box", "--egress", "-f", "--follow-for-ms", "300")).isZero();
        assertThat(std.out()).contains("allowed.example:" + port());
    }

    @Test
    void unknownSandboxPrintsNothingAndMissingLogIsANote() throws Exception {
        assertThat(run("sandbox", "logs", "box", "--egress")).isZero();
        assertThat(std.out()).isEmpty();
        assertThat(std.err()).startsWith("cofferdam: no egress log yet").doesNotContain("\n\n");
        assertThat(dir.resolve("data/egress.db")).doesNotExist();

        startProxy();
        assertThat(get("allowed.example", "/y")).isEqualTo(200);
        assertThat(run("sandbox", "logs", "nobody", "--egress")).isZero();
        assertThat(std.out()).isEmpty();
        assertThat(std.err()).isEmpty();
        assertThat(run("sandbox", "logs", "nobody", "--egress", "--hosts")).isZero();
        assertThat(std.out()).isEmpty();
    }

    @Test
    void flagsWithoutEgressAreBadInput() {
        assertThat(run("sandbox", "logs", "box", "--json")).isEqualTo(2);
        assertThat(std.err()).isEqualTo("cofferdam: --json, --hosts and --follow need --egress" + System.lineSeparator());
        assertThat(run("sandbox", "logs", "box", "--egress", "--hosts", "--follow")).isEqualTo(2);
        assertThat(std.err()).startsWith("cofferdam: --hosts cannot be combined with --follow");
    }
}
