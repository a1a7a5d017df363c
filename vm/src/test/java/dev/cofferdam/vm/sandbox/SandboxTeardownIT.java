package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Stop/start, crash detection and removal with real guests: nothing may be left behind. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SandboxTeardownIT {
    @TempDir
    Path data;
    private SandboxService service;
    private Thread hook;

    @BeforeEach
    void open() throws Exception {
        service = new SandboxService(TestGuests.dirs(data), new RefusingEgressRelay(),
                new SandboxService.Options(TestGuests.BOOT, Optional.empty()));
        SandboxService s = service;
        hook = new Thread(() -> TestGuests.removeAll(s));
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @AfterEach
    void close() throws Exception {
        TestGuests.removeAll(service);
        service.close();
        Runtime.getRuntime().removeShutdownHook(hook);
    }

    @Test
    void killedQemuShowsAsCrashedAndRmCleansIt() throws Exception {
        Path ws = Files.createDirectories(data.resolve("ws"));
        SandboxInfo info = service.create(SandboxSpec.of("crash").withWorkspace(ws), (s, d, t) -> { });
        long pid = info.pid();
        ProcessHandle qemu = ProcessHandle.of(pid).orElseThrow();
        qemu.destroyForcibly();
        qemu.onExit().get(10, TimeUnit.SECONDS);

        SandboxInfo after = service.get("crash");
        assertThat(after.state()).isEqualTo(SandboxState.CRASHED);
        assertThatThrownBy(() -> TestGuests.run(service, "crash", "true"))
                .isInstanceOf(SandboxException.class).hasMessageContaining("crashed");

        service.remove("crash");
        assertThat(service.list()).isEmpty();
        assertThat(data.resolve("sandboxes/crash")).doesNotExist();
        assertThat(noVirtiofsdFor(ws)).isTrue();
        assertThat(Files.exists(ws)).as("the workspace itself is the user's and stays").isTrue();
    }

    @Test
    void stopThenStartBootsAgainAndRmLeavesNothing() throws Exception {
        Path ws = Files.createDirectories(data.resolve("ws2"));
        Files.writeString(ws.resolve("kept.txt"), "kept");
        SandboxInfo first = service.create(SandboxSpec.of("cycle").withWorkspace(ws), (s, d, t) -> { });
        SandboxInfo stopped = service.stop("cycle");
        assertThat(stopped.state()).isEqualTo(SandboxState.STOPPED);
        assertThat(TestGuests.qemuAlive(first.pid(), "cycle")).isFalse();
        assertThatThrownBy(() -> TestGuests.run(service, "cycle", "true")).hasMessageContaining("stopped");

        SandboxInfo again = service.start("cycle");
        assertThat(again.state()).isEqualTo(SandboxState.RUNNING);
        assertThat(TestGuests.run(service, "cycle", "cat", ws.resolve("kept.txt").toString()).out()).isEqualTo("kept");

        service.remove("cycle");
        assertThat(TestGuests.qemuAlive(again.pid(), "cycle")).isFalse();
        assertThat(noVirtiofsdFor(ws)).isTrue();
        assertThat(data.resolve("sandboxes/cycle")).doesNotExist();
        assertThat(service.list()).isEmpty();
        assertThatThrownBy(() -> service.get("cycle")).hasMessage("no sandbox named cycle");
    }

    private static boolean noVirtiofsdFor(Path ws) {
        return ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine()
                .map(c -> c.contains("virtiofsd") && c.contains("source=" + ws)).orElse(false));
    }
}
