package dev.cofferdam.app.ui.walls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.mcp.TestRepo;
import dev.cofferdam.app.run.AgentRun;
import dev.cofferdam.app.run.RunRecord;
import dev.cofferdam.app.run.RunStore;
import dev.cofferdam.app.ui.common.NamedExecutors;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.app.ui.terminal.Terminal;
import dev.cofferdam.vm.egress.EgressRuntime;
import dev.cofferdam.vm.egress.Resolver;
import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.Tier;
import dev.cofferdam.vm.qemu.Accelerator;
import dev.cofferdam.vm.sandbox.ProxyEgressRelay;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.SandboxState;
import dev.cofferdam.vm.sandbox.VmDirs;
import dev.cofferdam.vm.secret.EncryptedFileSecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The launch dialog's agent choice end to end with a real guest (tiny template, TCG,
 * {@code restrict=on} as always): "shell" on a repository starts the run, the terminal view model
 * types into the agent's PTY, and when it exits the run is finished (recorded, sandbox stopped)
 * and the status says how to review it.
 */
@Tag("qemu")
class AgentLaunchIT {
    @TempDir
    Path dir;

    @Test
    void aShellAgentLaunchedFromTheDialogRunsInItsTerminalAndIsRecordedWhenItExits() throws Exception {
        TestRepo repo = TestRepo.create(dir.resolve("shop"));
        ExecutorService workers = NamedExecutors.cached("agent-it");
        FxQueue fx = new FxQueue();
        UiThreads threads = new UiThreads(workers, fx);
        CofferdamDirs dirs = new CofferdamDirs(dir.resolve("config"), dir.resolve("data"));
        String cache = System.getProperty("cofferdam.test.cache",
                Path.of(System.getProperty("java.io.tmpdir"), "cofferdam-it-cache").toString());
        try (EgressRuntime egress = EgressRuntime.open(dirs, Resolver.none());
             SandboxService service = new SandboxService(new VmDirs(dir.resolve("vm"), Path.of(cache)),
                     new ProxyEgressRelay(egress, new EncryptedFileSecretStore(dirs.config())),
                     new SandboxService.Options(Duration.ofSeconds(90), Optional.of(Accelerator.TCG)))) {
            PolicyStore store = new PolicyStore(dirs.config());
            RunStore runs = new RunStore(dirs.data());
            AgentRun.Context ctx = new AgentRun.Context(service, egress.services(), store, runs, dirs.data(), "test");
            LaunchViewModel launch = new LaunchViewModel(threads, service, store,
                    new PolicyViewModel(threads, store, BalancedAllowlist.shipped()), Optional.of(ctx));
            launch.agentProperty().set("shell");
            launch.templateProperty().set("tiny");
            launch.memoryProperty().set(256);
            launch.workspaceProperty().set(repo.root().toString());
            launch.policy().setTier(Tier.LOCKED_DOWN);
            List<SandboxInfo> launched = new ArrayList<>();
            List<AgentRun> started = new ArrayList<>();
            try {
                launch.launch(launched::add, started::add);
                fx.runUntil(() -> !started.isEmpty() || !launch.errorProperty().get().isEmpty(), Duration.ofSeconds(150));
                assertThat(launch.errorProperty().get()).isEmpty();
                assertThat(launch.nameProperty().get()).isEqualTo("shell-shop");
                assertThat(launched.get(0).state()).isEqualTo(SandboxState.RUNNING);
                assertThat(store.read("shell-shop").tier()).contains(Tier.LOCKED_DOWN);

                TerminalViewModel term = TerminalViewModel.forAgent(threads, service, started.get(0));
                Terminal screen = new Terminal(24, 100, b -> { });
                term.start(24, 100, (data, len) -> {
                    synchronized (screen) {
                        screen.feed(data, 0, len);
                    }
                });
                fx.runUntil(() -> term.statusProperty().get().startsWith("a shell in shell-shop"), Duration.ofSeconds(10));
                term.send(("echo agent-was-here > notes.txt; echo mcp=$COFFERDAM_MCP_URL; exit 4\r")
                        .getBytes(StandardCharsets.UTF_8));
                fx.runUntil(() -> term.statusProperty().get().contains("review"), Duration.ofSeconds(90));
                assertThat(term.statusProperty().get()).isEqualTo("ended: exit 4 — session kept; review it with "
                        + "`cofferdam review --run shell-shop`");
                synchronized (screen) {
                    assertThat(screen.screen().text()).contains("mcp=http://mcp.cofferdam.internal:3128/mcp");
                }
                assertThat(Files.readString(repo.root().resolve("notes.txt"))).isEqualTo("agent-was-here\n");
                RunRecord rec = runs.read("shell-shop").orElseThrow();
                assertThat(rec.exitCode()).isEqualTo(4);
                assertThat(rec.agent()).isEqualTo("shell");
                assertThat(service.get("shell-shop").state()).isEqualTo(SandboxState.STOPPED);
            } finally {
                for (SandboxInfo i : service.list()) {
                    service.remove(i.name());
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }
}
