package dev.cofferdam.app.ui.walls;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.cofferdam.app.ui.common.NamedExecutors;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.app.ui.terminal.Terminal;
import dev.cofferdam.vm.egress.EgressRecord;
import dev.cofferdam.vm.egress.EgressRuntime;
import dev.cofferdam.vm.egress.OverrideResolver;
import dev.cofferdam.vm.egress.Resolver;
import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.qemu.Accelerator;
import dev.cofferdam.vm.sandbox.ProxyEgressRelay;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.SandboxState;
import dev.cofferdam.vm.sandbox.VmDirs;
import dev.cofferdam.vm.secret.EncryptedFileSecretStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one Walls test that boots a real QEMU guest (tiny template, TCG, {@code restrict=on}
 * networking as always): launched through the launch view model with a draft policy, wired to
 * the egress proxy by the workbench's relay; a shell under a PTY (the terminal view model, output read by the emulator) runs commands in it, and the
 * guest's own requests show up in the live egress log view model, allowed and denied by the
 * policy written at launch. Names resolve through an override to a loopback upstream; never DNS.
 * Guest images are cached in {@code cofferdam.test.cache} (default: the vm ITs' cache).
 */
@Tag("qemu")
class WallsGuestIT {
    private static final String NAME = "walls-it";

    @TempDir
    Path dir;

    @Test
    void launchExecAndTheGuestsEgressShowsUpLive() throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        upstream.createContext("/", ex -> {
            byte[] out = ("ok " + ex.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        upstream.start();
        int port = upstream.getAddress().getPort();
        ExecutorService workers = NamedExecutors.cached("walls-it");
        FxQueue fx = new FxQueue();
        UiThreads threads = new UiThreads(workers, fx);
        CofferdamDirs dirs = new CofferdamDirs(dir.resolve("config"), dir.resolve("data"));
        Resolver resolver = OverrideResolver.parse(List.of("allowed.example=127.0.0.1", "evil.example=127.0.0.1"),
                Resolver.none());
        String cache = System.getProperty("cofferdam.test.cache",
                Path.of(System.getProperty("java.io.tmpdir"), "cofferdam-it-cache").toString());
        try (EgressRuntime egress = EgressRuntime.open(dirs, resolver);
             SandboxService service = new SandboxService(new VmDirs(dir.resolve("vm"), Path.of(cache)),
                     new ProxyEgressRelay(egress, new EncryptedFileSecretStore(dirs.config())), new SandboxService.Options(Duration.ofSeconds(90),
                     Optional.of(Accelerator.TCG)))) {
            PolicyStore store = new PolicyStore(dirs.config());
            EgressLogViewModel log = new EgressLogViewModel(threads, egress.log());
            log.start();
            LaunchViewModel launch = new LaunchViewModel(threads, service, store,
                    new PolicyViewModel(threads, store, BalancedAllowlist.shipped()));
            launch.nameProperty().set(NAME);
            launch.policy().ruleTextProperty().set("allowed.example:" + port);
            assertThat(launch.policy().addRule()).isTrue();
            launch.policy().ruleTextProperty().set("127.0.0.1:" + port);
            assertThat(launch.policy().addRule()).isTrue();
            List<SandboxInfo> launched = new ArrayList<>();
            try {
                launch.launch(launched::add);
                checkGuest(threads, fx, service, launch, launched, log, port);
            } finally {
                removeAll(service);
                log.close();
            }
        } finally {
            workers.shutdownNow();
            upstream.stop(0);
        }
    }

    private static void checkGuest(UiThreads threads, FxQueue fx, SandboxService service, LaunchViewModel launch,
                                   List<SandboxInfo> launched, EgressLogViewModel log, int port) throws Exception {
        fx.runUntil(() -> !launched.isEmpty() || !launch.errorProperty().get().isEmpty(), Duration.ofSeconds(150));
        assertThat(launch.errorProperty().get()).isEmpty();
        assertThat(launched.get(0).state()).isEqualTo(SandboxState.RUNNING);
        TerminalViewModel term = new TerminalViewModel(threads, service, NAME);
        Terminal screen = new Terminal(24, 100, b -> { });
        term.start(24, 100, (data, len) -> {
            synchronized (screen) {
                screen.feed(data, 0, len);
            }
        });
        term.send(("echo hello from $(uname -s) on $(tty); wget -q -O- http://allowed.example:" + port
                + "/from-guest; echo; wget -q -O- http://evil.example:" + port + "/nope; exit\r")
                .getBytes(StandardCharsets.UTF_8));
        fx.runUntil(() -> !term.runningProperty().get(), Duration.ofSeconds(60));
        String text;
        synchronized (screen) {
            text = screen.screen().text();
        }
        assertThat(text).contains("hello from Linux on /dev/pts/").contains("ok /from-guest").contains("403 Forbidden");
        assertThat(term.statusProperty().get()).isEqualTo("ended: exit 1");
        fx.runUntil(() -> log.records().stream().filter(r -> NAME.equals(r.sandbox())).count() >= 2);
        assertThat(log.records()).filteredOn(r -> NAME.equals(r.sandbox()))
                .extracting(EgressRecord::host, EgressRecord::decision)
                .contains(org.assertj.core.groups.Tuple.tuple("allowed.example", "allow"),
                        org.assertj.core.groups.Tuple.tuple("evil.example", "deny"));
    }

    /** Removes every sandbox of this test's service, then kills any QEMU left (defence in depth). */
    private static void removeAll(SandboxService service) {
        try {
            for (SandboxInfo i : service.list()) {
                service.remove(i.name());
                ProcessHandle.of(i.pid()).filter(p -> p.info().commandLine().orElse("").contains("cofferdam-" + NAME))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (Exception e) {
            throw new AssertionError("cleanup failed: " + e.getMessage(), e);
        }
    }
}
