package dev.cofferdam.app.ui.walls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.sandbox.RefusingEgressRelay;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.VmDirs;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal session without a guest: the service's refusal ends the session with its message
 * and the terminal can start again; with a real program (script giving sh a PTY on this host)
 * input goes in and output comes back. (A real guest is {@link WallsGuestIT}.)
 */
class TerminalViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aRefusedSessionEndsWithTheReasonAndCanStartAgain() throws Exception {
        try (SandboxService service = new SandboxService(new VmDirs(dir.resolve("d"), dir.resolve("c")),
                new RefusingEgressRelay(), SandboxService.Options.defaults())) {
            FxQueue fx = new FxQueue();
            TerminalViewModel vm = new TerminalViewModel(new UiThreads(Runnable::run, fx), service, "ghost");
            vm.start(24, 80, (data, len) -> { });
            assertThat(vm.runningProperty().get()).isTrue();
            fx.runUntil(() -> !vm.runningProperty().get());
            assertThat(vm.statusProperty().get()).isEqualTo("ended: no sandbox named ghost");
            vm.send("ignored".getBytes(StandardCharsets.UTF_8));
            vm.start(24, 80, (data, len) -> { });
            fx.runUntil(() -> !vm.runningProperty().get());
            assertThat(vm.statusProperty().get()).isEqualTo("ended: no sandbox named ghost");
        }
    }

    @Test
    void aHostShellUnderScriptEchoesAndExits() throws Exception {
        FxQueue fx = new FxQueue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TerminalViewModel vm = new TerminalViewModel(new UiThreads(Runnable::run, fx), ScriptConnection::open, "host");
        vm.start(24, 80, (data, len) -> {
            synchronized (out) {
                out.write(data, 0, len);
            }
        });
        assertThat(vm.statusProperty().get()).isEqualTo("shell in host, 80×24");
        vm.resize(30, 100);
        assertThat(vm.statusProperty().get()).startsWith("shell in host, 80×24 (the view is 100×30: ");
        vm.send("stty size; echo $((6*7))x; exit 3\r".getBytes(StandardCharsets.UTF_8));
        fx.runUntil(() -> !vm.runningProperty().get());
        synchronized (out) {
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("24 80\r\n").contains("42x");
        }
        assertThat(vm.statusProperty().get()).isEqualTo("ended: exit 3");
    }
}
