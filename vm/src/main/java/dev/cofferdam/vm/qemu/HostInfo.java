package dev.cofferdam.vm.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Facts about the host read from sysfs and procfs. Stateless and thread-safe.
 *
 * @param cpus          online CPUs
 * @param memoryMiB     total memory
 * @param tscKhz        TSC frequency in kHz, if known (needed by TCG guests: {@code tsc_early_khz})
 */
public record HostInfo(int cpus, long memoryMiB, OptionalLong tscKhz) {

    public static HostInfo read() {
        return new HostInfo(Runtime.getRuntime().availableProcessors(), readMemoryMiB(), readTscKhz());
    }

    /** Whether this process runs as root (QEMU's virtiofsd needs it for its namespace sandbox). */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            // unknown: assume not
        }
        return false;
    }

    static long readMemoryMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown: fall through
        }
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    /** sysfs's tsc_freq_khz where the kernel exposes it, else cpu0's "cpu MHz" (constant_tsc hosts). */
    static OptionalLong readTscKhz() {
        try {
            Path sys = Path.of("/sys/devices/system/cpu/cpu0/tsc_freq_khz");
            if (Files.isReadable(sys)) {
                return OptionalLong.of(Long.parseLong(Files.readString(sys).strip()));
            }
            return parseCpuinfo(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong parseCpuinfo(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("cpu MHz")) {
                String value = line.substring(line.indexOf(':') + 1).strip();
                return OptionalLong.of(Math.round(Double.parseDouble(value) * 1000));
            }
        }
        return OptionalLong.empty();
    }
}
