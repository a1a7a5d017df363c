package dev.cofferdam.vm.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache of built guest images, one directory per name and version ({@code tiny-<version>}).
 * Thread-safe; builds are serialized across processes by a lock file.
 */
public final class ImageStore {
    /** Templates this version can build. */
    public static final List<String> TEMPLATES = List.of("tiny", "agent");
    private static final Logger LOG = LoggerFactory.getLogger(ImageStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    /** @param root the image cache, e.g. {@code ~/.cache/cofferdam/images} */
    public ImageStore(Path root) {
        this.root = root;
    }

    /** {@code $XDG_CACHE_HOME/cofferdam/images}, else {@code ~/.cache/cofferdam/images}. */
    public static Path defaultRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("cofferdam").resolve("images");
    }

    public Path root() {
        return root;
    }

    /** The current version of a template's image, if it is built. */
    public Optional<GuestImage> find(String template) throws ImageException {
        Path dir = root.resolve(template + "-" + currentVersion(template));
        return read(dir);
    }

    /**
     * The current image of a template.
     *
     * @throws ImageException when the template is unknown or its image is not built, saying how to build it
     */
    public GuestImage require(String template) throws ImageException {
        return find(template).orElseThrow(() -> new ImageException(
                "image '" + template + "' is not built: run `cofferdam image build " + template + "`"));
    }

    /** The current image, built first if missing. */
    public GuestImage ensure(String template, BuildListener listener) throws ImageException {
        Optional<GuestImage> found = find(template);
        return found.isPresent() ? found.get() : build(template, listener);
    }

    /** Every image in the cache, current or not, by name then version. */
    public List<GuestImage> list() throws IOException {
        List<GuestImage> images = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return images;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.sorted().toList()) {
                read(d).ifPresent(images::add);
            }
        }
        images.sort(Comparator.comparing(GuestImage::name).thenComparing(GuestImage::version));
        return images;
    }

    /** Whether the image is the version this build of Cofferdam uses. */
    public boolean isCurrent(GuestImage image) throws ImageException {
        return image.version().equals(currentVersion(image.name()));
    }

    /**
     * Builds (or rebuilds) a template's current image.
     *
     * @throws ImageException when the template is unknown or a build step fails
     */
    public GuestImage build(String template, BuildListener listener) throws ImageException {
        String version = currentVersion(template);
        try {
            Files.createDirectories(root);
            try (FileChannel lockFile = FileChannel.open(root.resolve(".build.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = lockFile.lock();
                try {
                    Path dir = root.resolve(template + "-" + version);
                    Optional<GuestImage> done = read(dir);
                    if (done.isPresent()) {
                        return done.get();
                    }
                    return buildLocked(template, version, dir, listener);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new ImageException("building image " + template + " failed: " + e.getMessage(), e);
        }
    }

    private GuestImage buildLocked(String template, String version, Path dir, BuildListener listener)
            throws ImageException, IOException {
        long start = System.nanoTime();
        Path work = Files.createTempDirectory(root, ".work-");
        Path out = Files.createTempDirectory(root, ".out-");
        try {
            AgentImageBuilder.Built built = template.equals("agent")
                    ? new AgentImageBuilder(root.resolve("downloads"), Path.of("/etc/apt")).build(out, work, listener)
                    : new AgentImageBuilder.Built(new TinyImageBuilder(root.resolve("downloads")).build(out, work, listener),
                            Map.of());
            String release = built.kernelRelease();
            ObjectNode meta = JSON.createObjectNode().put("schema", 1).put("name", template)
                    .put("version", version).put("kernelRelease", release).put("built", Instant.now().toString());
            ObjectNode tools = meta.putObject("tools");
            built.tools().forEach(tools::put);
            JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("image.json").toFile(), meta);
            Files.move(out, dir, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("built image {}-{} (kernel {}) in {} ms", template, version, release,
                    (System.nanoTime() - start) / 1_000_000);
            return new GuestImage(template, version, release, dir, built.tools());
        } finally {
            deleteTree(work);
            deleteTree(out);
        }
    }

    private static String currentVersion(String template) throws ImageException {
        if (!TEMPLATES.contains(template)) {
            throw new ImageException("unknown template '" + template + "' (known: " + String.join(", ", TEMPLATES) + ")");
        }
        try {
            return template.equals("agent")
                    ? agentVersion(AgentTool.text())
                    : GuestSources.version(TinyImageBuilder.MODULES);
        } catch (IOException e) {
            throw new ImageException("guest sources missing from this build: " + e.getMessage(), e);
        }
    }

    /** The agent image's version: guest sources, suite, packages and the pinned tool list. */
    static String agentVersion(String toolList) throws IOException {
        return GuestSources.version(AgentImageBuilder.MODULES, "agent-format-2 " + AgentImageBuilder.SUITE
                + " " + String.join(",", AgentImageBuilder.PACKAGES) + "\n" + toolList);
    }

    private static Optional<GuestImage> read(Path dir) {
        Path meta = dir.resolve("image.json");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(meta.toFile());
            Map<String, String> tools = new LinkedHashMap<>();
            n.path("tools").fields().forEachRemaining(e -> tools.put(e.getKey(), e.getValue().asText()));
            GuestImage image = new GuestImage(n.path("name").asText(), n.path("version").asText(),
                    n.path("kernelRelease").asText(), dir, tools);
            boolean complete = Files.isRegularFile(image.kernel()) && Files.isRegularFile(image.initrd())
                    && Files.isExecutable(image.relay()) && (!image.name().equals("agent") || image.hasDisk());
            return complete ? Optional.of(image) : Optional.empty();
        } catch (IOException e) {
            LOG.warn("ignoring damaged image {}: {}", dir, e.getMessage());
            return Optional.empty();
        }
    }

    /** Deletes a directory tree, not following symbolic links; missing is fine. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
