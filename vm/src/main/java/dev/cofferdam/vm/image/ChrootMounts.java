package dev.cofferdam.vm.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unmounts what debootstrap or a chroot left mounted inside a root file system being built
 * ({@code /proc}, {@code /sys}, ... stay mounted when debootstrap fails), so that deleting the
 * work directory never walks into a live file system. Stateless and thread-safe.
 */
public final class ChrootMounts {
    private static final Logger LOG = LoggerFactory.getLogger(ChrootMounts.class);

    private ChrootMounts() {
    }

    /** Lazily unmounts every mount point under {@code root}, deepest first. */
    public static void release(Path root) throws IOException {
        Path mounts = Path.of("/proc/self/mounts");
        if (!Files.isReadable(mounts)) {
            return;
        }
        String prefix = root.toAbsolutePath().normalize() + "/";
        List<String> points = new ArrayList<>();
        for (String line : Files.readAllLines(mounts)) {
            String[] f = line.split(" ");
            String point = f.length > 1 ? f[1].replace("\\040", " ") : "";
            if (point.startsWith(prefix)) {
                points.add(point);
            }
        }
        Collections.sort(points, Collections.reverseOrder());
        for (String p : points) {
            LOG.info("unmounting {} left by the root file system build", p);
            HostCommand.run(null, 60, List.of("umount", "-l", p));
        }
    }
}
