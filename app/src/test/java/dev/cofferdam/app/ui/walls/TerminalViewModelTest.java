package dev.cofferdam.app.ui.walls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.sandbox.RefusingEgressRelay;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.VmDirs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line terminal without a guest: the service's refusal is shown in the text and the terminal
 * is ready again. (Streaming from a real guest is {@link WallsGuestIT}.)
 */
class TerminalViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aRefusedExecIsShownAndTheTerminalIsReadyAgain() throws Exception {
        try (SandboxService service = new SandboxService(new VmDirs(dir.resolve("d"), dir.resolve("c")),
                new RefusingEgressRelay(), SandboxService.Options.defaults())) {
            FxQueue fx = new FxQueue();
            TerminalViewModel vm = new TerminalViewModel(new UiThreads(Runnable::run, fx), service, "ghost");
            vm.submit("   ");
            assertThat(vm.runningProperty().get()).isFalse();
            vm.submit("ls /");
            fx.runAll();
            assertThat(vm.textProperty().get()).isEqualTo("$ ls /\n[no sandbox named ghost]\n");
            assertThat(vm.runningProperty().get()).isFalse();
            vm.clear();
            assertThat(vm.textProperty().get()).isEmpty();
        }
    }
}
