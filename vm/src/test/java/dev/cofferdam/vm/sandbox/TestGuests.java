package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.qemu.DetachedProcess;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shared set-up for tests that boot real guests. */
final class TestGuests {
    private TestGuests() {
    }

    /** Images are cached across test runs (building one downloads the kernel package). */
    static Path imageCache() {
        String override = System.getProperty("cofferdam.test.cache");
        return override != null ? Path.of(override) : Path.of(System.getProperty("java.io.tmpdir"), "cofferdam-it-cache");
    }

    static VmDirs dirs(Path data) {
        return new VmDirs(data, imageCache());
    }

    /** Runs a command and returns stdout, stderr and the exit code. */
    static Output run(SandboxService service, String name, String... argv) throws SandboxException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecResult r = service.exec(name, ExecRequest.of(argv), (isErr, d, n) -> (isErr ? err : out).write(d, 0, n));
        return new Output(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), r.exitCode());
    }

    record Output(String out, String err, int code) {
    }

    /** Removes every sandbox the service knows, then kills any process left (defence in depth). */
    static void removeAll(SandboxService service) {
        List<Long> pids = new ArrayList<>();
        try {
            for (SandboxInfo i : service.list()) {
                pids.add(i.pid());
                service.remove(i.name());
            }
        } catch (SandboxException e) {
            // fall through to the kill below
        }
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    static boolean qemuAlive(long pid, String name) {
        return DetachedProcess.isAlive(pid, VmLauncher.marker(name));
    }

    static final Duration BOOT = Duration.ofSeconds(90);
}
