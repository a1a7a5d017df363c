package dev.cofferdam.vm.image;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A built guest image in the cache: a kernel, an initramfs and the host-side egress relay
 * compiled with it. Immutable.
 *
 * @param name          template name, e.g. {@code tiny}
 * @param version       content version (guest sources + format); a different version is a different image
 * @param kernelRelease the guest kernel's release, e.g. {@code 6.1.0-57-cloud-amd64}
 * @param dir           directory holding the files
 * @param source        where the root file system came from (an OCI image: its reference and id);
 *                      empty for the built-in templates
 * @param tools         tools installed in the image, command to version (e.g. {@code claude}
 *                      to {@code 2.1.332}); empty for images without any
 */
public record GuestImage(String name, String version, String kernelRelease, Path dir, String source,
                         Map<String, String> tools) {
    public GuestImage {
        tools = Collections.unmodifiableMap(new LinkedHashMap<>(tools));
    }

    /** A built-in template's image without installed tools. */
    public GuestImage(String name, String version, String kernelRelease, Path dir) {
        this(name, version, kernelRelease, dir, "", Map.of());
    }

    /** An image built from an outside root file system (no tools recorded). */
    public GuestImage(String name, String version, String kernelRelease, Path dir, String source) {
        this(name, version, kernelRelease, dir, source, Map.of());
    }

    /** A built-in template's image with installed tools. */
    public GuestImage(String name, String version, String kernelRelease, Path dir, Map<String, String> tools) {
        this(name, version, kernelRelease, dir, "", tools);
    }

    /** File name of the root disk of images that boot from one (the agent template). */
    public static final String DISK = "rootfs.img";

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

    /** The raw ext4 root disk, used read-only as the base of each sandbox's overlay. */
    public Path disk() {
        return dir.resolve(DISK);
    }

    /** Whether the image boots from a root disk (else it runs from its initramfs). */
    public boolean hasDisk() {
        return java.nio.file.Files.isRegularFile(disk());
    }
}
