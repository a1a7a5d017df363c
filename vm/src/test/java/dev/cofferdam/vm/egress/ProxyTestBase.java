package dev.cofferdam.vm.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.RuleParser;
import dev.cofferdam.vm.policy.StorePolicySource;
import dev.cofferdam.vm.policy.Tier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DESIGN.md §4 setting: Balanced, {@code allowed.example} allowed, {@code evil.example} not.
 * Both names (and {@code rebind.example}, allowed, which resolves to 127.0.0.2) come from a
 * resolver override; any other name fails to resolve (never real DNS). Upstreams listen on
 * 127.0.0.1, which is always denied, so the sandbox's policy carries exact {@code 127.0.0.1:PORT}
 * allow rules for the test upstreams: the production exemption, no test-only switch.
 */
abstract class ProxyTestBase {
    static final String SANDBOX = "box";

    @TempDir
    Path dir;
    TestUpstream http;
    TestTls tls;
    PolicyStore store;
    SqliteEgressLog log;
    EgressProxy proxy;
    ProxyListener listener;

    @BeforeEach
    void startProxy() throws Exception {
        http = new TestUpstream();
        tls = new TestTls();
        store = new PolicyStore(dir.resolve("config"));
        store.write(null, PolicyDocument.EMPTY.withTier(Tier.BALANCED));
        writeSandboxPolicy(SANDBOX, List.of());
        log = SqliteEgressLog.open(dir.resolve("data"));
        proxy = new EgressProxy(settings());
        listener = proxy.start(SANDBOX, new StorePolicySource(store, BalancedAllowlist.shipped()), log);
    }

    ProxySettings settings() {
        Resolver resolver = OverrideResolver.parse(List.of("allowed.example=127.0.0.1", "evil.example=127.0.0.1",
                "rebind.example=127.0.0.2"), Resolver.none());
        return ProxySettings.defaults(resolver).withRequestTimeout(Duration.ofSeconds(2));
    }

    /** Writes a sandbox's rules: the standard setting plus {@code extra} lines ("allow x", "deny y"). */
    void writeSandboxPolicy(String sandbox, List<String> extra) throws Exception {
        PolicyDocument doc = PolicyDocument.EMPTY;
        for (String line : standardRules()) {
            doc = doc.with(parse(line));
        }
        for (String line : extra) {
            doc = doc.with(parse(line));
        }
        store.write(sandbox, doc);
    }

    List<String> standardRules() {
        return List.of("allow allowed.example", "allow allowed.example:" + http.port(),
                "allow allowed.example:" + tls.port(), "allow rebind.example:" + http.port(),
                "allow 127.0.0.1:" + http.port(), "allow 127.0.0.1:" + tls.port());
    }

    static dev.cofferdam.vm.policy.Rule parse(String line) throws Exception {
        String[] p = line.split(" ", 2);
        return RuleParser.parse(p[0].equals("allow") ? RuleAction.ALLOW : RuleAction.DENY, p[1]);
    }

    @AfterEach
    void stopProxy() throws Exception {
        listener.close();
        proxy.close();
        log.close();
        http.close();
        tls.close();
    }

    RawHttp client() throws Exception {
        return new RawHttp(listener.port());
    }

    RawHttp.Response get(String uri, String... headers) throws Exception {
        try (RawHttp c = client()) {
            return c.send(request("GET", uri, headers)).read();
        }
    }

    static String request(String method, String uri, String... headers) {
        StringBuilder sb = new StringBuilder(method + " " + uri + " HTTP/1.1\r\n");
        boolean host = false;
        for (String h : headers) {
            sb.append(h).append("\r\n");
            host |= h.toLowerCase().startsWith("host:");
        }
        if (!host) {
            sb.append("Host: ").append(uri.replaceFirst("^http://", "").replaceFirst("/.*$", "")).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /** Waits (bounded) until a stored record matches, and returns it. Records are written before answers. */
    EgressRecord awaitRecord(Predicate<EgressRecord> p) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            for (EgressRecord r : log.query(EgressQuery.sandbox(SANDBOX))) {
                if (p.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching egress record; log: " + log.query(EgressQuery.all()));
    }

    EgressRecord lastRecord() throws Exception {
        List<EgressRecord> all = log.query(EgressQuery.sandbox(SANDBOX));
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }
}
