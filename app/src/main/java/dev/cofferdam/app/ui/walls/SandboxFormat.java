package dev.cofferdam.app.ui.walls;

import dev.cofferdam.vm.qemu.Accelerator;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxState;
import java.util.Locale;

/** How the Sandboxes table shows a sandbox's figures. Stateless. */
final class SandboxFormat {
    private SandboxFormat() {
    }

    static String uptime(SandboxInfo s) {
        if (s.state() != SandboxState.RUNNING) {
            return "";
        }
        long sec = s.uptimeMs() / 1000;
        if (sec < 60) {
            return sec + " s";
        }
        if (sec < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", sec / 60, sec % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", sec / 3600, sec % 3600 / 60);
    }

    static String cpu(SandboxInfo s) {
        return s.state() == SandboxState.RUNNING ? String.format(Locale.ROOT, "%.1f %%", s.cpuPercent()) : "";
    }

    static String rss(SandboxInfo s) {
        return s.state() == SandboxState.RUNNING ? String.format(Locale.ROOT, "%.0f MiB", s.rssKiB() / 1024.0) : "";
    }

    static String state(SandboxInfo s) {
        return s.state().name().toLowerCase(Locale.ROOT);
    }

    static String workspace(SandboxInfo s) {
        return s.workspace().map(w -> s.cloned() ? w + " (clone)" : w).orElse("—");
    }

    /** The TCG warning (slow, no KVM) or another note of the service; empty when none. */
    static String warning(SandboxInfo s) {
        if (!s.warning().isEmpty()) {
            return s.warning();
        }
        return s.state() == SandboxState.RUNNING && s.accelerator() == Accelerator.TCG ? "TCG (no KVM): slow" : "";
    }
}
