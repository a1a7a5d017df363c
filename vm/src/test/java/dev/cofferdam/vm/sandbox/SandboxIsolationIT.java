package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a guest can and cannot reach: network, DNS, host files. One guest for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SandboxIsolationIT {
    @TempDir
    static Path data;
    private SandboxService service;
    private final RefusingEgressRelay relay = new RefusingEgressRelay();
    private Path ws;
    private Path outside;

    @BeforeAll
    void boot() throws Exception {
        ws = Files.createDirectories(data.resolve("project"));
        outside = Files.createDirectories(data.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "host secret");
        Files.writeString(ws.resolve("hello.txt"), "from host");
        Files.createSymbolicLink(ws.resolve("abs-link"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(ws.resolve("rel-link"), Path.of("../outside/secret.txt"));
        service = TestGuests.service(data, relay);
        service.create(SandboxSpec.of("iso").withWorkspace(ws), (s, d, t) -> { });
    }

    @AfterAll
    void cleanup() throws Exception {
        TestGuests.closeAll(service);
    }

    @Test
    void workspaceIsSharedReadWriteAtTheSamePath() throws Exception {
        assertThat(TestGuests.run(service, "iso", "cat", ws.resolve("hello.txt").toString()).out()).isEqualTo("from host");
        TestGuests.Output w = TestGuests.run(service, "iso", "sh", "-c", "echo from guest > made-in-guest.txt && pwd");
        assertThat(w.code()).isZero();
        assertThat(w.out().strip()).isEqualTo(ws.toString());
        assertThat(Files.readString(ws.resolve("made-in-guest.txt"))).isEqualTo("from guest\n");
    }

    @Test
    void nothingOutsideTheWorkspaceIsVisible() throws Exception {
        TestGuests.Output direct = TestGuests.run(service, "iso", "cat", outside.resolve("secret.txt").toString());
        assertThat(direct.code()).isNotZero();
        assertThat(direct.out()).doesNotContain("host secret");
        TestGuests.Output parent = TestGuests.run(service, "iso", "ls", "-a", ws.getParent().toString());
        assertThat(parent.out().split("\\s+")).containsExactlyInAnyOrder(".", "..", ws.getFileName().toString());
        TestGuests.Output home = TestGuests.run(service, "iso", "sh", "-c", "ls /home /usr/share /etc/hostname 2>&1; ls /etc");
        assertThat(home.out()).doesNotContain("java").contains("passwd");
    }

    @Test
    void symlinksInTheWorkspaceDoNotLeadOutside() throws Exception {
        for (String link : List.of("abs-link", "rel-link")) {
            TestGuests.Output o = TestGuests.run(service, "iso", "cat", ws.resolve(link).toString());
            assertThat(o.code()).as(link).isNotZero();
            assertThat(o.out()).as(link).doesNotContain("host secret");
        }
    }

    @Test
    void hostLoopbackServicesAreUnreachable() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        accepted.incrementAndGet();
                        s.close();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            List<String> targets = new ArrayList<>(List.of("10.0.2.2", "127.0.0.1", "10.0.2.3"));
            targets.addAll(hostAddresses());
            for (String host : targets) {
                TestGuests.Output o = TestGuests.run(service, "iso", "sh", "-c",
                        "echo ping | nc -w 2 " + host + " " + server.getLocalPort());
                assertThat(o.code()).as("nc to " + host).isNotZero();
            }
        }
        assertThat(accepted.get()).isZero();
    }

    @Test
    void thereIsNoDns() throws Exception {
        TestGuests.Output viaSlirp = TestGuests.run(service, "iso", "nslookup", "example.test", "10.0.2.3");
        assertThat(viaSlirp.code()).isNotZero();
        TestGuests.Output resolv = TestGuests.run(service, "iso", "cat", "/etc/resolv.conf");
        assertThat(resolv.code()).isNotZero();
    }

    @Test
    void theEgressAddressReachesOnlyTheRelayWhichRefuses() throws Exception {
        int before = relay.refusedCount();
        TestGuests.Output o = TestGuests.run(service, "iso", "sh", "-c",
                "printf 'GET http://allowed.example/ HTTP/1.0\\r\\n\\r\\n' | nc -w 3 10.0.2.100 3128; echo rc=$?");
        assertThat(o.out()).doesNotContain("HTTP/");
        assertThat(relay.refusedCount()).isGreaterThan(before);
    }

    private static List<String> hostAddresses() throws Exception {
        List<String> list = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    list.add(a.getHostAddress());
                }
            }
        }
        return list;
    }
}
