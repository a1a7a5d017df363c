package dev.cofferdam.vm.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts host processes (QEMU, virtiofsd) in their own session, so that they outlive the JVM
 * that started them and a terminal's Ctrl-C does not reach them; finds and ends them by pid.
 * Stateless and thread-safe.
 */
public final class DetachedProcess {
    private DetachedProcess() {
    }

    /**
     * Starts {@code command} under {@code setsid}, stdout and stderr appended to {@code log}.
     *
     * @return the pid (setsid execs in place, so it is the command's own pid)
     */
    public static long start(List<String> command, Path log) throws IOException {
        List<String> full = new ArrayList<>();
        full.add("setsid");
        full.addAll(command);
        Process p = new ProcessBuilder(full)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
        // Until setsid has exec'd the command, /proc shows setsid's command line, and isAlive
        // with a marker would report the new process as gone.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (p.isAlive() && !argv0(p.pid()).equals(command.get(0)) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return p.pid();
    }

    private static String argv0(long pid) {
        try {
            String cmdline = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
            int end = cmdline.indexOf('\0');
            return end < 0 ? cmdline : cmdline.substring(0, end);
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether {@code pid} is alive and its command line contains {@code marker} (guards against pid reuse). */
    public static boolean isAlive(long pid, String marker) {
        if (pid <= 0) {
            return false;
        }
        try {
            String cmdline = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
            String state = Files.readString(Path.of("/proc/" + pid + "/stat"));
            boolean zombie = state.substring(state.lastIndexOf(')') + 2).startsWith("Z");
            return !zombie && cmdline.replace('\0', ' ').contains(marker);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Ends the process: SIGTERM, then SIGKILL after {@code grace}. Returns once it is gone
     * (or after a last short wait).
     */
    public static void kill(long pid, String marker, Duration grace) {
        if (!isAlive(pid, marker)) {
            return;
        }
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        h.ifPresent(ProcessHandle::destroy);
        if (waitGone(pid, marker, grace)) {
            return;
        }
        h.ifPresent(ProcessHandle::destroyForcibly);
        waitGone(pid, marker, Duration.ofSeconds(2));
    }

    /** Waits until the process is gone; returns whether it is. */
    public static boolean waitGone(long pid, String marker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isAlive(pid, marker)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isAlive(pid, marker);
            }
        }
        return true;
    }
}
