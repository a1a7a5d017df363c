package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.image.GuestImage;
import dev.cofferdam.vm.image.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A sandbox's copy-on-write root disk: a qcow2 overlay in the sandbox directory over the image's
 * read-only raw base, so sandboxes of one image never see each other's writes. Made on first
 * boot, kept across stop/start, deleted with the sandbox directory on rm. Stateless, thread-safe.
 */
final class RootOverlay {
    static final String FILE = "root.qcow2";

    private RootOverlay() {
    }

    /** The overlay to boot from, created if missing; empty for images without a root disk. */
    static Optional<Path> prepare(GuestImage image, Path sandboxDir) throws SandboxException, IOException {
        if (!image.hasDisk()) {
            return Optional.empty();
        }
        Path overlay = sandboxDir.resolve(FILE);
        if (!Files.exists(overlay)) {
            if (!HostCommand.onPath("qemu-img")) {
                throw new SandboxException("qemu-img is not installed: apt-get install qemu-utils");
            }
            HostCommand.run(sandboxDir, 60, List.of("qemu-img", "create", "-q", "-f", "qcow2",
                    "-b", image.disk().toAbsolutePath().toString(), "-F", "raw", overlay.toString()));
        }
        return Optional.of(overlay);
    }
}
