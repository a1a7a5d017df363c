package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.qemu.DetachedProcess;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * A service keeping its sandboxes under {@code data}, with the tests' boot timeout; its guests
     * are also removed when the JVM exits (a test run killed half way leaves no QEMU behind).
     */
    static SandboxService service(Path data, EgressRelay relay) throws SandboxException {
        SandboxService service = new SandboxService(dirs(data), relay, new SandboxService.Options(BOOT, Optional.empty()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> removeAll(service)));
        return service;
    }

    /** Removes the service's guests and closes it, then closes the rest in order; nulls are skipped. */
    static void closeAll(SandboxService service, AutoCloseable... rest) throws Exception {
        if (service != null) {
            removeAll(service);
            service.close();
        }
        for (AutoCloseable c : rest) {
            if (c != null) {
                c.close();
            }
        }
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
