package dev.cofferdam.vm.sandbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cofferdam.vm.image.GuestImage;
import dev.cofferdam.vm.image.HostCommand;
import dev.cofferdam.vm.image.ImageStore;
import dev.cofferdam.vm.qemu.DetachedProcess;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shared set-up for tests that boot real guests. */
final class TestGuests {
    private static final Logger LOG = LoggerFactory.getLogger(TestGuests.class);

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

    /** @return whether the tests run as root (building the agent image and workspaces need it) */
    static boolean root() throws Exception {
        return "0".equals(HostCommand.run(null, 10, List.of("id", "-u")).strip());
    }

    /**
     * The agent image from the IT cache, built there first when missing (debootstrap: minutes, root);
     * the calling test is skipped when it can be neither found nor built.
     */
    static GuestImage agentImage(SandboxService service) throws Exception {
        ImageStore images = service.images();
        assumeTrue(root() || images.find("agent").isPresent(),
                "the agent image is not in " + images.root() + " and building it needs root (debootstrap)");
        long start = System.nanoTime();
        GuestImage image = images.ensure("agent",
                (step, done, total) -> LOG.info("agent image [{}/{}] {}", done, total, step));
        LOG.info("agent image ready in {} s: tools {}", (System.nanoTime() - start) / 1_000_000_000, image.tools());
        return image;
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
