package dev.cofferdam.vm.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time and memory of a host process from {@code /proc}. Stateless and thread-safe.
 *
 * @param cpuMillis user + system CPU time
 * @param rssKiB    resident set size
 */
public record ProcessStats(long cpuMillis, long rssKiB) {
    /** USER_HZ, 100 on every Linux architecture Cofferdam runs on. */
    private static final long TICKS_PER_SECOND = 100;

    public static Optional<ProcessStats> of(long pid) {
        try {
            return Optional.of(new ProcessStats(cpuMillis(Path.of("/proc/" + pid + "/stat")), rssKiB(pid)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** CPU time of one thread (e.g. a vCPU thread), or -1 if it is gone. */
    public static long threadCpuMillis(long pid, long tid) {
        try {
            return cpuMillis(Path.of("/proc/" + pid + "/task/" + tid + "/stat"));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long cpuMillis(Path stat) throws IOException {
        String s = Files.readString(stat);
        // Fields after the command name, which is in parentheses and may contain spaces.
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    private static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
