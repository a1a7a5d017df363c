package dev.cofferdam.vm.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Fetches Debian's cloud kernel package with {@code apt-get download} (no installation) and
 * unpacks it with {@code dpkg-deb -x}. Downloads are kept, so a rebuild works offline.
 * Not thread-safe: callers hold the image store's lock.
 */
final class KernelPackage {
    static final String META_PACKAGE = "linux-image-cloud-amd64";

    /** An unpacked kernel: its image, its module tree and its release string. */
    record Unpacked(Path vmlinuz, Path moduleDir, String release, String packageName) {
    }

    private final Path downloads;

    KernelPackage(Path downloads) {
        this.downloads = downloads;
    }

    Unpacked fetchAndUnpack(Path into) throws ImageException, IOException {
        if (!HostCommand.onPath("apt-get") || !HostCommand.onPath("dpkg-deb")) {
            throw new ImageException("apt-get and dpkg-deb are needed to fetch the guest kernel (a Debian-based host)");
        }
        Files.createDirectories(downloads);
        Path meta = download(META_PACKAGE);
        String concrete = concretePackage(meta);
        Path deb = download(concrete);
        HostCommand.run(null, 300, List.of("dpkg-deb", "-x", deb.toString(), into.toString()));
        String release = concrete.substring("linux-image-".length());
        Path vmlinuz = into.resolve("boot/vmlinuz-" + release);
        Path modules = into.resolve("lib/modules/" + release);
        if (!Files.exists(vmlinuz) || !Files.isDirectory(modules)) {
            throw new ImageException("package " + concrete + " has no boot/vmlinuz-" + release + " or modules");
        }
        return new Unpacked(vmlinuz, modules, release, concrete);
    }

    /** Reads the concrete linux-image-*-cloud-amd64 package the meta package depends on. */
    private static String concretePackage(Path metaDeb) throws ImageException, IOException {
        String depends = HostCommand.run(null, 60, List.of("dpkg-deb", "-f", metaDeb.toString(), "Depends"));
        for (String alt : depends.split("[,|]")) {
            String name = alt.strip().split("\\s+")[0];
            if (name.startsWith("linux-image-") && name.endsWith("-cloud-amd64")) {
                return name;
            }
        }
        throw new ImageException(META_PACKAGE + " depends on no cloud kernel: " + depends.strip());
    }

    /** Downloads the newest version of a package, or falls back to one downloaded before. */
    private Path download(String pkg) throws ImageException, IOException {
        try {
            HostCommand.run(downloads, 600, List.of("apt-get", "download", "-q", pkg));
        } catch (IOException e) {
            Optional<Path> cached = newest(pkg);
            if (cached.isPresent()) {
                return cached.get();
            }
            throw new ImageException("cannot download " + pkg + " (" + e.getMessage()
                    + "); check the package sources with apt-get update", e);
        }
        return newest(pkg).orElseThrow(() -> new ImageException("apt-get download left no " + pkg + " package"));
    }

    private Optional<Path> newest(String pkg) throws IOException {
        try (Stream<Path> s = Files.list(downloads)) {
            return s.filter(p -> p.getFileName().toString().startsWith(pkg + "_")
                            && p.getFileName().toString().endsWith(".deb"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()));
        }
    }
}
