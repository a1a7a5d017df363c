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
 * The cache of built guest images, one directory per name and version ({@code tiny-<version>}):
 * the built-in templates and templates built from outside root file systems (OCI images, see
 * {@link #buildFrom}). Thread-safe; builds are serialized across processes by a lock file.
 */
public final class ImageStore {
    /** Templates this version can build. */
    public static final List<String> TEMPLATES = List.of("tiny", "agent");
    /** How the progress step of {@link #buildFrom} starts when nothing had to be built. */
    public static final String ALREADY_BUILT = "already built";
    private static final Logger LOG = LoggerFactory.getLogger(ImageStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final CustomTemplates custom;

    /** @param root the image cache, e.g. {@code ~/.cache/cofferdam/images} */
    public ImageStore(Path root) {
        this.root = root;
        this.custom = new CustomTemplates(root);
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
        if (!TEMPLATES.contains(template)) {
            return custom.latest(template);
        }
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
        if (found.isEmpty() && !TEMPLATES.contains(template)) {
            throw new ImageInputException("unknown template '" + template + "' (known: " + String.join(", ", known()) + ")");
        }
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

    /** The built-in templates, then the names of templates built from OCI images. */
    public List<String> known() throws ImageException {
        List<String> names = new ArrayList<>(TEMPLATES);
        try {
            for (GuestImage i : list()) {
                if (!names.contains(i.name()) && isCurrent(i)) {
                    names.add(i.name());
                }
            }
        } catch (IOException e) {
            throw new ImageException("reading the image cache " + root + " failed: " + e.getMessage(), e);
        }
        return names;
    }

    /** Whether the image is the version this build of Cofferdam uses. */
    public boolean isCurrent(GuestImage image) throws ImageException {
        if (!TEMPLATES.contains(image.name())) {
            return custom.latest(image.name()).map(c -> c.version().equals(image.version())).orElse(false);
        }
        return image.version().equals(currentVersion(image.name()));
    }

    /**
     * Builds (or rebuilds) a template's current image.
     *
     * @throws ImageException when the template is unknown or a build step fails
     */
    public GuestImage build(String template, BuildListener listener) throws ImageException {
        String version = currentVersion(template);
        return locked(template, () -> {
            Path dir = root.resolve(template + "-" + version);
            Optional<GuestImage> done = read(dir);
            if (done.isPresent()) {
                return done.get();
            }
            return buildLocked(template, version, dir, listener);
        });
    }

    /**
     * Builds a template from an outside root file system (an OCI image), unless one was already
     * built from the same content ({@link RootfsSource#key()}) and {@code force} is false. The
     * template becomes the current image of {@code name}. Needs root (owners in the tree, mkfs).
     *
     * @throws ImageInputException for a bad or built-in name, or a tree without {@code /bin/sh}
     * @throws ImageException      when a build step fails; nothing is left in the cache then
     */
    public GuestImage buildFrom(String name, RootfsSource source, boolean force, BuildListener listener)
            throws ImageException {
        TemplateNames.check(name);
        return locked(name, () -> custom.build(name, source, force, listener));
    }

    private interface LockedBuild {
        GuestImage run() throws ImageException, IOException;
    }

    private GuestImage locked(String template, LockedBuild build) throws ImageException {
        try {
            Files.createDirectories(root);
            try (FileChannel lockFile = FileChannel.open(root.resolve(".build.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = lockFile.lock();
                try {
                    sweepLeftovers();
                    return build.run();
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

    /**
     * Deletes scratch directories a killed build left (work trees, unfinished images, replaced
     * images). Called under the build lock, so no build is using them.
     */
    private void sweepLeftovers() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(ImageStore::isScratch).toList()) {
                LOG.info("removing {} left by an interrupted image build", p.getFileName());
                ChrootMounts.release(p);
                deleteTree(p);
            }
        }
    }

    private static boolean isScratch(Path p) {
        String n = p.getFileName().toString();
        return Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && (n.startsWith(".work-") || n.startsWith(".out-") || n.startsWith(".old-"));
    }

    /** The agent image's version: guest sources, suite, packages and the pinned tool list. */
    static String agentVersion(String toolList) throws IOException {
        return GuestSources.version(AgentImageBuilder.MODULES, "agent-format-2 " + AgentImageBuilder.SUITE
                + " " + String.join(",", AgentImageBuilder.PACKAGES) + "\n" + toolList);
    }

    static Optional<GuestImage> read(Path dir) {
        Path meta = dir.resolve("image.json");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(meta.toFile());
            Map<String, String> tools = new LinkedHashMap<>();
            n.path("tools").fields().forEachRemaining(e -> tools.put(e.getKey(), e.getValue().asText()));
            GuestImage image = new GuestImage(n.path("name").asText(), n.path("version").asText(),
                    n.path("kernelRelease").asText(), dir, n.path("source").asText(""), tools);
            boolean complete = Files.isRegularFile(image.kernel()) && Files.isRegularFile(image.initrd())
                    && Files.isExecutable(image.relay()) && (image.name().equals("tiny") || image.hasDisk());
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
