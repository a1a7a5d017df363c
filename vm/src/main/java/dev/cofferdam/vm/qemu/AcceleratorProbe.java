package dev.cofferdam.vm.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides between KVM and TCG. {@code /dev/kvm} existing is not enough (on some hosts guests
 * abort or hang under it), so a short boot is tried: the kernel is started without a root file
 * system, panics, and with {@code panic=-1 -no-reboot} QEMU exits. Exit 0 within the timeout
 * means KVM works. The verdict is cached per host boot. Thread-safe.
 */
public final class AcceleratorProbe {
    private static final Logger LOG = LoggerFactory.getLogger(AcceleratorProbe.class);
    private static final long TIMEOUT_SECONDS = 5;

    /** The verdict and, for TCG, why. */
    public record Verdict(Accelerator accelerator, String reason) {
    }

    private final Path cacheFile;
    private boolean warned;

    /** @param cacheDir where the verdict is remembered for this host boot */
    public AcceleratorProbe(Path cacheDir) {
        this.cacheFile = cacheDir.resolve("accelerator");
    }

    /** Probes (or recalls) whether KVM works, booting {@code kernel} once if needed. */
    public synchronized Verdict probe(Path kernel) {
        if (!Files.exists(Path.of("/dev/kvm"))) {
            return warn(new Verdict(Accelerator.TCG, "/dev/kvm does not exist"));
        }
        if (!Files.isReadable(Path.of("/dev/kvm")) || !Files.isWritable(Path.of("/dev/kvm"))) {
            return warn(new Verdict(Accelerator.TCG, "/dev/kvm is not accessible (add yourself to the kvm group)"));
        }
        String boot = bootId();
        try {
            if (Files.exists(cacheFile)) {
                List<String> lines = Files.readAllLines(cacheFile);
                if (lines.size() >= 3 && lines.get(0).equals(boot)) {
                    return warn(new Verdict(Accelerator.valueOf(lines.get(1)), lines.get(2)));
                }
            }
            Verdict v = bootProbe(kernel);
            Files.createDirectories(cacheFile.getParent());
            Files.write(cacheFile, List.of(boot, v.accelerator().name(), v.reason()));
            return warn(v);
        } catch (IOException e) {
            return warn(new Verdict(Accelerator.TCG, "KVM probe failed: " + e.getMessage()));
        }
    }

    private static Verdict bootProbe(Path kernel) throws IOException {
        Process p = new ProcessBuilder(QemuCommandLine.BINARY, "-M", "microvm,pit=on,pic=off,rtc=on,isa-serial=on",
                "-accel", "kvm", "-cpu", "host", "-m", "128M", "-nodefaults", "-no-user-config", "-nographic",
                "-no-reboot", "-kernel", kernel.toString(), "-append", "console=ttyS0 quiet panic=-1",
                "-serial", "null").redirectErrorStream(true).start();
        try {
            boolean exited = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                return new Verdict(Accelerator.TCG, "a KVM guest did not finish a test boot in " + TIMEOUT_SECONDS + " s");
            }
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.exitValue() != 0) {
                String last = out.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit " + p.exitValue());
                return new Verdict(Accelerator.TCG, "a KVM test boot failed: " + last);
            }
            return new Verdict(Accelerator.KVM, "KVM test boot passed");
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Verdict(Accelerator.TCG, "KVM probe interrupted");
        }
    }

    /** Logs the TCG fallback once per probe instance (a service lives with one). */
    private Verdict warn(Verdict v) {
        if (v.accelerator() == Accelerator.TCG && !warned) {
            warned = true;
            LOG.warn("KVM unusable, guests run under TCG (slow software emulation): {}", v.reason());
        }
        return v;
    }

    private static String bootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
