package dev.cofferdam.vm.image;

import java.nio.file.Path;

/**
 * A built guest image in the cache: a kernel, an initramfs and the host-side egress relay
 * compiled with it. Immutable.
 *
 * @param name          template name, e.g. {@code tiny}
 * @param version       content version (guest sources + format); a different version is a different image
 * @param kernelRelease the guest kernel's release, e.g. {@code 6.1.0-57-cloud-amd64}
 * @param dir           directory holding the files
 */
public record GuestImage(String name, String version, String kernelRelease, Path dir) {
    public Path kernel() {
        return dir.resolve("vmlinuz");
    }

    public Path initrd() {
        return dir.resolve("initrd.gz");
    }

    /** The relay QEMU runs for each guest connection to the egress address. */
    public Path relay() {
        return dir.resolve("cofferdam-relay");
    }
}
