package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
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
import dev.cofferdam.vm.secret.EncryptedFileSecretStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandboxes' egress relay over a real egress runtime: what a guest's relay would dial (the
 * Unix socket) reaches the sandbox's own proxy listener, and survives a re-adoption.
 */
class ProxyEgressRelayTest {
    @TempDir
    Path dir;

    @Test
    void theUnixEndpointReachesTheSandboxesProxyAndSurvivesReAdoption() throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        upstream.createContext("/", ex -> {
            byte[] out = "ok".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        upstream.start();
        int port = upstream.getAddress().getPort();
        CofferdamDirs dirs = new CofferdamDirs(dir.resolve("config"), dir.resolve("data"));
        new PolicyStore(dirs.config()).write("box", PolicyDocument.EMPTY
                .with(RuleParser.parse(RuleAction.ALLOW, "allowed.example:" + port))
                .with(RuleParser.parse(RuleAction.ALLOW, "127.0.0.1:" + port)));
        Resolver resolver = OverrideResolver.parse(List.of("allowed.example=127.0.0.1"), Resolver.none());
        Path run = Files.createDirectories(dir.resolve("run"));
        try (EgressRuntime runtime = EgressRuntime.open(dirs, resolver)) {
            ProxyEgressRelay relay = new ProxyEgressRelay(runtime, new EncryptedFileSecretStore(dirs.config()));
            String endpoint = relay.endpoint("box", run);
            assertThat(endpoint).isEqualTo("unix:" + run.resolve("egress.sock"));
            assertThat(get(run.resolve("egress.sock"), "allowed.example:" + port)).startsWith("HTTP/1.1 200");
            assertThat(get(run.resolve("egress.sock"), "evil.example")).startsWith("HTTP/1.1 403");
            // re-adoption (a new service for the running sandbox): same path, new listener
            assertThat(relay.endpoint("box", run)).isEqualTo(endpoint);
            assertThat(get(run.resolve("egress.sock"), "allowed.example:" + port)).startsWith("HTTP/1.1 200");
            List<EgressRecord> records = runtime.log().query(EgressQuery.all());
            assertThat(records).extracting(EgressRecord::sandbox).containsOnly("box");
            assertThat(records).extracting(EgressRecord::decision).containsExactly("allow", "deny", "allow");
            relay.release("box");
            assertThat(run.resolve("egress.sock")).doesNotExist();
            assertThatThrownBy(() -> get(run.resolve("egress.sock"), "allowed.example:" + port))
                    .isInstanceOf(IOException.class);
        } finally {
            upstream.stop(0);
        }
    }

    @Test
    void aSocketServedByAnotherRelayIsLeftToItAndReportedSo() throws Exception {
        CofferdamDirs dirs = new CofferdamDirs(dir.resolve("config"), dir.resolve("data"));
        Path run = Files.createDirectories(dir.resolve("run"));
        try (EgressRuntime first = EgressRuntime.open(dirs, Resolver.none());
             EgressRuntime second = EgressRuntime.open(dirs, Resolver.none())) {
            ProxyEgressRelay serving = new ProxyEgressRelay(first, new EncryptedFileSecretStore(dirs.config()));
            ProxyEgressRelay later = new ProxyEgressRelay(second, new EncryptedFileSecretStore(dirs.config()));
            assertThat(serving.servesHere("box")).isFalse();
            serving.endpoint("box", run);
            assertThat(later.endpoint("box", run)).isEqualTo("unix:" + run.resolve("egress.sock"));
            assertThat(serving.servesHere("box")).isTrue();
            assertThat(later.servesHere("box")).isFalse();
            serving.release("box");
            later.endpoint("box", run);
            assertThat(later.servesHere("box")).isTrue();
            later.release("box");
        }
    }

    /** One absolute-form GET over the Unix socket; returns the whole response. */
    private static String get(Path socket, String authority) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap(("GET http://" + authority + "/ HTTP/1.1\r\nHost: " + authority
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
            StringBuilder sb = new StringBuilder();
            ByteBuffer buf = ByteBuffer.allocate(4096);
            while (ch.read(buf) >= 0) {
                buf.flip();
                sb.append(StandardCharsets.ISO_8859_1.decode(buf));
                buf.clear();
            }
            return sb.toString();
        }
    }
}
