package dev.cofferdam.vm.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The steps every root-disk template shares: installing the exec agent, the guest's few own files and
 * the directories it needs into a root tree, and packing the tree into a raw ext4 disk with {@code mkfs.ext4 -d}
 * (no loop mount). Writes go through {@link RootedPath}, so links in the tree stay inside it.
 * Stateless and thread-safe.
 */
final class RootDisk {
    /** Free space left in the disk for the sandbox's own writes (the file is sparse). */
    private static final long HEADROOM_MIB = 1024;
    /**
     * Directories the guest needs: where the init moves its mounts before switch_root, and /root,
     * the exec agent's default working directory and HOME.
     */
    private static final List<String> NEEDED_DIRS = List.of("proc", "sys", "dev", "tmp", "root");

    private RootDisk() {
    }

    /** Copies the static exec agent to /usr/sbin/cofferdam-agent, sets the hostname, empties resolv.conf. */
    static void finish(Path rootfs, Path agent) throws IOException {
        RootedPath.writeFile(rootfs, "usr/sbin/cofferdam-agent", Files.readAllBytes(agent), "rwxr-xr-x");
        RootedPath.writeFile(rootfs, "etc/hostname", "sandbox\n".getBytes(StandardCharsets.UTF_8), "rw-r--r--");
        // The guest has no DNS (its only way out is the egress proxy): drop the host's resolvers.
        RootedPath.writeFile(rootfs, "etc/resolv.conf", new byte[0], "rw-r--r--");
        for (String dir : NEEDED_DIRS) {
            if (RootedPath.resolve(rootfs, dir).isEmpty()) {
                Path made = RootedPath.directory(rootfs, dir);
                String mode = dir.equals("tmp") ? "1777" : dir.equals("root") ? "700" : "755";
                HostCommand.run(null, 10, List.of("chmod", mode, made.toString()));
            }
        }
    }

    /** Packs {@code rootfs} into the raw ext4 file {@code disk}, sized to its content plus headroom. */
    static void pack(Path rootfs, Path disk, String label, Path work) throws IOException {
        long mib = duMiB(rootfs) * 13 / 10 + HEADROOM_MIB;
        HostCommand.run(work, 900, List.of("mkfs.ext4", "-q", "-L", label, "-d", rootfs.toString(),
                "-F", disk.toString(), mib + "M"));
    }

    private static long duMiB(Path dir) throws IOException {
        String out = HostCommand.run(null, 300, List.of("du", "-sm", dir.toString()));
        return Long.parseLong(out.strip().split("\\s+")[0]);
    }
}
