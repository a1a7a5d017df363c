package dev.cofferdam.app.ui.walls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.qemu.Accelerator;
import dev.cofferdam.vm.sandbox.RefusingEgressRelay;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.SandboxState;
import dev.cofferdam.vm.sandbox.VmDirs;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sandboxes panel's view model against a real (empty) sandbox service on temp dirs. */
class SandboxesViewModelTest {
    @TempDir
    Path dir;

    @Test
    void refreshListsAndActionsOnUnknownSandboxesSayWhy() throws Exception {
        try (SandboxService service = new SandboxService(new VmDirs(dir.resolve("d"), dir.resolve("c")),
                new RefusingEgressRelay(), SandboxService.Options.defaults())) {
            SandboxesViewModel vm = new SandboxesViewModel(UiThreads.direct(), Optional.of(service), "");
            assertThat(vm.available()).isTrue();
            vm.refresh();
            assertThat(vm.sandboxes()).isEmpty();
            vm.stop("ghost");
            assertThat(vm.messageProperty().get()).isEqualTo("no sandbox named ghost");
            assertThat(vm.busyProperty().get()).isFalse();
            vm.remove("ghost");
            assertThat(vm.messageProperty().get()).isEqualTo("no sandbox named ghost");
        }
    }

    @Test
    void withoutAServiceThePanelSaysWhyAndDoesNothing() {
        SandboxesViewModel vm = new SandboxesViewModel(UiThreads.direct(), Optional.empty(), "database locked");
        vm.refresh();
        vm.start("x");
        assertThat(vm.available()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Sandboxes unavailable: database locked");
    }

    @Test
    void figuresAreFormattedForTheTable() {
        SandboxInfo running = new SandboxInfo("a", SandboxState.RUNNING, "tiny", 1, 256, Optional.of("/w"), true,
                Accelerator.TCG, "", 42, 3_725_000, 12.345, 10, 235_520);
        assertThat(SandboxFormat.uptime(running)).isEqualTo("1 h 02 min");
        assertThat(SandboxFormat.cpu(running)).isEqualTo("12.3 %");
        assertThat(SandboxFormat.rss(running)).isEqualTo("230 MiB");
        assertThat(SandboxFormat.workspace(running)).isEqualTo("/w (clone)");
        assertThat(SandboxFormat.warning(running)).isEqualTo("TCG (no KVM): slow");
        SandboxInfo stopped = new SandboxInfo("b", SandboxState.STOPPED, "tiny", 1, 256, Optional.empty(), false,
                Accelerator.KVM, "", 0, 0, 0, 0, 0);
        assertThat(SandboxFormat.uptime(stopped)).isEmpty();
        assertThat(SandboxFormat.rss(stopped)).isEmpty();
        assertThat(SandboxFormat.workspace(stopped)).isEqualTo("—");
        assertThat(SandboxFormat.warning(stopped)).isEmpty();
        assertThat(SandboxFormat.uptime(new SandboxInfo("c", SandboxState.RUNNING, "tiny", 1, 256, Optional.empty(),
                false, Accelerator.KVM, "", 1, 65_000, 0, 0, 0))).isEqualTo("1 min 05 s");
    }
}
