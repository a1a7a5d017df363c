package dev.cofferdam.vm.egress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** DESIGN.md §4 bad-input cases 9–12, 14–23 and 25–31 through a real proxy on loopback. */
class HttpCasesTest extends ProxyTestBase {

    String allowed() {
        return "http://allowed.example:" + http.port();
    }

    String evil() {
        return "http://evil.example:" + http.port();
    }

    @Test
    void case08HostServicesAreReachableOnlyThroughAnExactIpPortRule() throws Exception {
        assertThat(get("http://localhost:" + http.port() + "/").status()).isEqualTo(403);
        assertThat(get("http://127.0.0.1:" + (http.port() == 1 ? 2 : 1) + "/").status()).isEqualTo(403);
        assertThat(get("http://127.0.0.1:" + http.port() + "/svc").status()).isEqualTo(200);
        assertThat(log.query(EgressQuery.sandbox(SANDBOX))).extracting(EgressRecord::decision)
                .containsExactly("deny", "deny", "allow");
        assertThat(http.seen).extracting(TestUpstream.Seen::path).containsExactly("/svc");
    }

    @Test
    void case09PlainEvilIsDeniedAndItsQueryIsRedacted() throws Exception {
        RawHttp.Response r = get(evil() + "/?q=secret");
        assertThat(r.status()).isEqualTo(403);
        EgressRecord rec = awaitRecord(x -> x.host().equals("evil.example"));
        assertThat(rec.decision()).isEqualTo("deny");
        assertThat(rec.path()).isEqualTo("/?<redacted>");
        StringWriter out = new StringWriter();
        log.exportJsonl(EgressQuery.all(), out);
        assertThat(out.toString()).doesNotContain("secret");
        assertThat(http.seen).isEmpty();
    }

    @Test
    void case10AbsoluteAllowedWithHostEvilIsForwardedToAllowedWithHostRewritten() throws Exception {
        RawHttp.Response r = get(allowed() + "/x", "Host: evil.example");
        assertThat(r.status()).isEqualTo(200);
        assertThat(http.seen).singleElement().satisfies(s -> {
            assertThat(s.host()).isEqualTo("allowed.example:" + http.port());
            assertThat(s.path()).isEqualTo("/x");
        });
        EgressRecord rec = awaitRecord(x -> x.host().equals("allowed.example"));
        assertThat(rec.decision()).isEqualTo("allow");
        assertThat(rec.reason()).contains("Host header replaced");
    }

    @Test
    void case11AbsoluteEvilWithHostAllowedIsDenied() throws Exception {
        assertThat(get(evil() + "/", "Host: allowed.example").status()).isEqualTo(403);
        assertThat(awaitRecord(x -> x.host().equals("evil.example")).decision()).isEqualTo("deny");
        assertThat(http.seen).isEmpty();
    }

    @Test
    void case12OriginFormIsBadRequest() throws Exception {
        assertThat(get("/x", "Host: allowed.example").status()).isEqualTo(400);
        EgressRecord rec = awaitRecord(x -> x.reason().contains("origin-form"));
        assertThat(rec.decision()).isEqualTo("deny");
        assertThat(http.seen).isEmpty();
    }

    @Test
    void case14KeepAliveDecidesEachRequestOnItsOwn() throws Exception {
        try (RawHttp c = client()) {
            assertThat(c.send(request("GET", allowed() + "/a")).read().status()).isEqualTo(200);
            assertThat(c.send(request("GET", evil() + "/b")).read().status()).isEqualTo(403);
            assertThat(c.send(request("GET", allowed() + "/c")).read().status()).isEqualTo(200);
        }
        assertThat(http.seen).extracting(TestUpstream.Seen::path).containsExactly("/a", "/c");
        awaitRecord(x -> x.host().equals("evil.example") && x.decision().equals("deny"));
        assertThat(log.query(EgressQuery.sandbox(SANDBOX))).hasSize(3);
    }

    @Test
    void case15ContentLengthPlusChunkedIsRejectedAndClosed() throws Exception {
        String smuggled = "GET " + evil() + "/s HTTP/1.1\r\nHost: evil.example\r\n\r\n";
        String body = "0\r\n\r\n" + smuggled;
        try (RawHttp c = client()) {
            c.send("POST " + allowed() + "/p HTTP/1.1\r\nHost: allowed.example\r\nContent-Length: " + body.length()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
            assertThat(c.read().status()).isEqualTo(400);
            assertThat(c.closedByPeer()).isTrue();
        }
        assertThat(awaitRecord(x -> x.reason().contains("smuggling")).decision()).isEqualTo("deny");
        assertThat(http.seen).isEmpty();
        assertThat(log.query(EgressQuery.all())).noneMatch(x -> x.host().equals("evil.example"));
    }

    @Test
    void case15TransferEncodingThenContentLengthIsRejectedAndClosed() throws Exception {
        String smuggled = "GET " + evil() + "/s HTTP/1.1\r\nHost: evil.example\r\n\r\n";
        try (RawHttp c = client()) {
            c.send("POST " + allowed() + "/p HTTP/1.1\r\nHost: allowed.example\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Length: 4\r\n\r\n" + Integer.toHexString(smuggled.length()) + "\r\n" + smuggled
                    + "\r\n0\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(400);
            assertThat(c.closedByPeer()).isTrue();
        }
        assertThat(http.seen).isEmpty();
    }

    @Test
    void case15ObfuscatedTransferEncodingIsRejected() throws Exception {
        try (RawHttp c = client()) {
            c.send("POST " + allowed() + "/p HTTP/1.1\r\nHost: allowed.example\r\nTransfer-Encoding: xchunked\r\n"
                    + "Content-Length: 5\r\n\r\n0\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(400);
            assertThat(c.closedByPeer()).isTrue();
        }
        assertThat(http.seen).isEmpty();
    }

    @Test
    void case16TrailingDotIsCanonicalizedThenDecided() throws Exception {
        assertThat(get("http://allowed.example.:" + http.port() + "/").status()).isEqualTo(200);
        assertThat(get("http://evil.example.:" + http.port() + "/").status()).isEqualTo(403);
        assertThat(awaitRecord(x -> x.allowed()).host()).isEqualTo("allowed.example");
        assertThat(awaitRecord(x -> !x.allowed()).host()).isEqualTo("evil.example");
    }

    @Test
    void case17UpperCaseIsTheSameAsLowerCase() throws Exception {
        assertThat(get("http://ALLOWED.Example:" + http.port() + "/").status()).isEqualTo(200);
        assertThat(get("HTTP://EVIL.EXAMPLE:" + http.port() + "/").status()).isEqualTo(403);
        assertThat(awaitRecord(x -> !x.allowed()).host()).isEqualTo("evil.example");
    }

    @Test
    void case18PunycodeLookAlikeIsDeniedAndRawNonAsciiIsBadRequest() throws Exception {
        assertThat(get("http://xn--llowed-9ya.example:" + http.port() + "/").status()).isEqualTo(403);
        assertThat(awaitRecord(x -> x.host().equals("xn--llowed-9ya.example")).decision()).isEqualTo("deny");
        try (RawHttp c = client()) {
            byte[] line = ("GET http://\u00e4llowed.example:" + http.port() + "/ HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(c.sendBytes(line).read().status()).isEqualTo(400);
        }
        awaitRecord(x -> x.reason().contains("non-ASCII"));
        assertThat(http.seen).isEmpty();
    }

    @Test
    void case19NulCrOrLfInAHostIsBadRequest() throws Exception {
        for (String host : new String[] {"allowed.example\u0000.evil.example", "allowed.example\r.evil.example"}) {
            try (RawHttp c = client()) {
                c.send("GET http://" + host + ":" + http.port() + "/ HTTP/1.1\r\nHost: allowed.example\r\n\r\n");
                assertThat(c.read().status()).as(host).isEqualTo(400);
            }
        }
        try (RawHttp c = client()) {
            c.send("CONNECT allowed.example\u0000evil.example:443 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(400);
        }
        assertThat(log.query(EgressQuery.sandbox(SANDBOX))).hasSize(3).allMatch(x -> !x.allowed());
        assertThat(http.seen).isEmpty();
    }

    @Test
    void case20ZoneIdTricksAreBadRequest() throws Exception {
        assertThat(get("http://[::ffff:1.2.3.4%x.allowed.example]:" + http.port() + "/").status()).isEqualTo(400);
        assertThat(get("http://[fe80::1%25eth0]/").status()).isEqualTo(400);
        assertThat(awaitRecord(x -> x.reason().contains("zone")).decision()).isEqualTo("deny");
    }

    @Test
    void case21OneLabelWildcardDeniesLookAlikesAndTheBareName() throws Exception {
        store.write(SANDBOX, dev.cofferdam.vm.policy.PolicyDocument.EMPTY
                .with(parse("allow *.allowed.example:" + http.port())).with(parse("allow 127.0.0.1:" + http.port())));
        try (OverrideUpstreamNames names = new OverrideUpstreamNames()) {
            assertThat(get("http://evilallowed.example:" + http.port() + "/").status()).isEqualTo(403);
            assertThat(get("http://allowed.example.evil.example:" + http.port() + "/").status()).isEqualTo(403);
            assertThat(get("http://allowed.example:" + http.port() + "/").status()).isEqualTo(403);
        }
        assertThat(log.query(EgressQuery.sandbox(SANDBOX))).hasSize(3).allMatch(x -> !x.allowed());
        assertThat(http.seen).isEmpty();
    }

    @Test
    void case22PortSmuggledIntoTheHostIsBadRequest() throws Exception {
        assertThat(get("http://allowed.example:443.evil.example/").status()).isEqualTo(400);
        try (RawHttp c = client()) {
            assertThat(c.send("CONNECT allowed.example:443.evil.example HTTP/1.1\r\nHost: x\r\n\r\n").read().status())
                    .isEqualTo(400);
        }
        assertThat(log.query(EgressQuery.sandbox(SANDBOX))).hasSize(2).allMatch(x -> x.reason().contains("port"));
    }

    @Test
    void case23UserinfoIsDecidedOnTheRealHost() throws Exception {
        assertThat(get("http://allowed.example@evil.example:" + http.port() + "/", "Host: allowed.example")
                .status()).isEqualTo(403);
        assertThat(awaitRecord(x -> true).host()).isEqualTo("evil.example");
        assertThat(get("http://evil.example@allowed.example:" + http.port() + "/u").status()).isEqualTo(200);
        assertThat(http.seen).singleElement().satisfies(s -> assertThat(s.host()).doesNotContain("@"));
    }

    @Test
    void case25Ipv4EncodingsAreCanonicalBeforeMatching() throws Exception {
        for (String enc : new String[] {"2130706433", "0x7f.1", "0177.0.0.1", "127.1"}) {
            assertThat(get("http://" + enc + ":" + http.port() + "/").status()).as(enc).isEqualTo(200);
            assertThat(get("http://" + enc + ":" + (http.port() == 1 ? 2 : 1) + "/").status()).as(enc).isEqualTo(403);
        }
        assertThat(log.query(EgressQuery.sandbox(SANDBOX))).hasSize(8).allMatch(x -> x.host().equals("127.0.0.1"));
        assertThat(http.seen).hasSize(4);
    }

    @Test
    void case26Ipv4MappedIpv6IsJudgedAsIpv4() throws Exception {
        assertThat(get("http://[::ffff:169.254.169.254]/latest/meta-data/").status()).isEqualTo(403);
        EgressRecord rec = awaitRecord(x -> true);
        assertThat(rec.host()).isEqualTo("169.254.169.254");
        assertThat(rec.rule()).isEqualTo("always-denied");
    }

    @Test
    void case27Nat64And6to4AreJudgedByTheEmbeddedIpv4() throws Exception {
        assertThat(get("http://[64:ff9b::a9fe:a9fe]/").status()).isEqualTo(403);
        assertThat(get("http://[2002:a9fe:a9fe::]/").status()).isEqualTo(403);
        assertThat(log.query(EgressQuery.sandbox(SANDBOX))).hasSize(2)
                .allMatch(x -> x.reason().contains("embedded in"));
    }

    @Test
    void case28MetadataAddressesAndNamesAreDeniedEvenInTheOpenTier() throws Exception {
        store.write(SANDBOX, dev.cofferdam.vm.policy.PolicyDocument.EMPTY.withTier(dev.cofferdam.vm.policy.Tier.OPEN));
        for (String h : new String[] {"169.254.169.254", "[fd00:ec2::254]", "100.100.100.200",
            "metadata.google.internal", "metadata.google.internal."}) {
            assertThat(get("http://" + h + "/computeMetadata/v1/").status()).as(h).isEqualTo(403);
        }
        assertThat(log.query(EgressQuery.sandbox(SANDBOX))).hasSize(5).allMatch(x -> x.rule().equals("always-denied"));
    }

    @Test
    void case29PrivateTargetsNeedAnExactIpPortRule() throws Exception {
        for (String h : new String[] {"10.0.0.1", "172.16.5.5", "192.168.1.1", "100.64.1.1", "[fc00::5]",
            "127.0.0.1", "169.254.1.1", "[fe80::1]", "[::1]"}) {
            assertThat(get("http://" + h + ":8080/").status()).as(h).isEqualTo(403);
        }
        assertThat(get("http://127.0.0.1:" + http.port() + "/exact").status()).isEqualTo(200);
        assertThat(log.query(EgressQuery.sandbox(SANDBOX))).hasSize(10);
        assertThat(lastRecord().rule()).isEqualTo("127.0.0.1:" + http.port());
    }

    @Test
    void case30RebindingToLoopbackIsDeniedAfterResolution() throws Exception {
        RawHttp.Response r = get("http://rebind.example:" + http.port() + "/");
        assertThat(r.status()).isEqualTo(403);
        EgressRecord rec = awaitRecord(x -> x.host().equals("rebind.example"));
        assertThat(rec.reason()).contains("127.0.0.2").contains("DNS rebinding");
        assertThat(http.seen).isEmpty();
    }

    @Test
    void case31AnAllowedNameSharingAnIpWithAnEvilOneIsDecidedByName() throws Exception {
        assertThat(get(allowed() + "/").status()).isEqualTo(200);
        assertThat(get(evil() + "/").status()).isEqualTo(403);
        assertThat(awaitRecord(x -> !x.allowed()).reason()).contains("no rule allows evil.example");
        assertThat(http.seen).hasSize(1);
    }

    /** Case 21 needs more test names: they are added to a copy of the resolver by a fresh listener. */
    final class OverrideUpstreamNames implements AutoCloseable {
        private final ProxyListener saved = listener;
        private final EgressProxy savedProxy = proxy;

        OverrideUpstreamNames() throws Exception {
            proxy = new EgressProxy(ProxySettings.defaults(OverrideResolver.parse(java.util.List.of(
                    "evilallowed.example=127.0.0.1", "allowed.example.evil.example=127.0.0.1",
                    "allowed.example=127.0.0.1"), Resolver.none())));
            listener = proxy.start(SANDBOX, new dev.cofferdam.vm.policy.StorePolicySource(store,
                    dev.cofferdam.vm.policy.BalancedAllowlist.shipped()), log);
        }

        @Override
        public void close() {
            listener.close();
            proxy.close();
            listener = saved;
            proxy = savedProxy;
        }
    }
}
