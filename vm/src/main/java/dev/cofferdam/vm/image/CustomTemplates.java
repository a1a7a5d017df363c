package dev.cofferdam.vm.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Templates built from an outside root file system (an OCI image): the agent template's kernel
 * and initramfs, and an ext4 disk made from the unpacked tree plus the exec agent. One directory
 * per name and content ({@code <name>-<hash of guest sources and image id>}, plus the time for a
 * forced rebuild); the newest built is the current one, older ones stay while sandboxes may use
 * them. Not thread-safe: the image store
 * calls it under its build lock.
 */
final class CustomTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(CustomTemplates.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "rootfs-format-1";
    /** Steps of the tiny builder before its "done", then unpack, finish, pack. */
    private static final int TINY_STEPS = 4;
    private static final int STEPS = TINY_STEPS + 3;

    private final Path root;

    CustomTemplates(Path root) {
        this.root = root;
    }

    /** The newest complete image of {@code name} built by this version's guest sources. */
    Optional<GuestImage> latest(String name) throws ImageException {
        String base = baseVersion();
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        GuestImage best = null;
        Instant bestBuilt = Instant.MIN;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().startsWith(name + "-")).toList()) {
                Optional<GuestImage> image = ImageStore.read(d);
                JsonNode meta = meta(d);
                if (image.isPresent() && image.get().name().equals(name) && base.equals(meta.path("base").asText())) {
                    Instant built = Instant.parse(meta.path("built").asText(Instant.MIN.toString()));
                    if (best == null || built.isAfter(bestBuilt)) {
                        best = image.get();
                        bestBuilt = built;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ImageException("reading the image cache " + root + " failed: " + e.getMessage(), e);
        }
        return Optional.ofNullable(best);
    }

    /**
     * Builds {@code name} from {@code source}, or returns the image already built from the same
     * content (made current again if another image replaced it since). A forced build gets a new
     * directory: a disk is never replaced under the sandboxes whose overlays use it.
     */
    GuestImage build(String name, RootfsSource source, boolean force, BuildListener listener)
            throws ImageException, IOException {
        String base = baseVersion();
        Optional<GuestImage> current = latest(name);
        if (!force && current.isPresent() && source.key().equals(meta(current.get().dir()).path("key").asText())) {
            return alreadyBuilt(current.get(), source, listener);
        }
        String version = hash(base + "\n" + source.key() + (force ? "\n" + Instant.now() + System.nanoTime() : ""));
        Path dir = root.resolve(name + "-" + version);
        Optional<GuestImage> earlier = ImageStore.read(dir);
        if (earlier.isPresent()) {
            ObjectNode meta = (ObjectNode) meta(dir);
            writeMeta(meta.put("built", Instant.now().toString()), dir);
            return alreadyBuilt(earlier.get(), source, listener);
        }
        long start = System.nanoTime();
        Path work = Files.createTempDirectory(root, ".work-");
        Path out = Files.createTempDirectory(root, ".out-");
        try {
            Path rootfs = Files.createDirectory(work.resolve("rootfs"));
            Files.setPosixFilePermissions(rootfs, PosixFilePermissions.fromString("rwxr-xr-x"));
            listener.progress("unpacking " + source.name(), 0, STEPS);
            source.unpack(rootfs, work);
            if (RootedPath.resolve(rootfs, "bin/sh").filter(Files::isRegularFile).isEmpty()) {
                throw new ImageInputException("image " + source.name()
                        + " has no /bin/sh: sandboxes need a shell; base it on an image with one");
            }
            String release = new TinyImageBuilder(root.resolve("downloads"), AgentImageBuilder.MODULES).build(out, work,
                    (step, n, total) -> {
                        if (n < total) {
                            listener.progress(step, 1 + n, STEPS);
                        }
                    });
            listener.progress("installing the exec agent", TINY_STEPS + 1, STEPS);
            RootDisk.finish(rootfs, work.resolve(TinyImageBuilder.AGENT_BINARY));
            listener.progress("writing the ext4 disk", TINY_STEPS + 2, STEPS);
            RootDisk.pack(rootfs, out.resolve(GuestImage.DISK), "cofferdam-oci", work);
            ObjectNode meta = JSON.createObjectNode().put("schema", 1).put("name", name).put("version", version)
                    .put("kernelRelease", release).put("built", Instant.now().toString()).put("base", base)
                    .put("key", source.key()).put("source", source.describe());
            writeMeta(meta, out);
            Files.move(out, dir, StandardCopyOption.ATOMIC_MOVE);
            listener.progress("done", STEPS, STEPS);
            LOG.info("built template {}-{} from {} in {} ms", name, version, source.describe(),
                    (System.nanoTime() - start) / 1_000_000);
            return new GuestImage(name, version, release, dir, source.describe());
        } finally {
            ImageStore.deleteTree(work);
            ImageStore.deleteTree(out);
        }
    }

    private static GuestImage alreadyBuilt(GuestImage image, RootfsSource source, BuildListener listener) {
        LOG.info("template {} is already built from {}", image.name(), source.describe());
        listener.progress(ImageStore.ALREADY_BUILT + " from " + source.describe(), STEPS, STEPS);
        return image;
    }

    /** Writes image.json through a temporary file, so a reader never sees half of it. */
    private static void writeMeta(JsonNode meta, Path dir) throws IOException {
        Path tmp = dir.resolve("image.json.tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), meta);
        Files.move(tmp, dir.resolve("image.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The version of what every custom template shares (guest sources, modules, layout). */
    static String baseVersion() throws ImageException {
        try {
            return GuestSources.version(AgentImageBuilder.MODULES, FORMAT);
        } catch (IOException e) {
            throw new ImageException("guest sources missing from this build: " + e.getMessage(), e);
        }
    }

    private static JsonNode meta(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("image.json").toFile());
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
