package dev.cofferdam.vm.image.oci;

import dev.cofferdam.vm.image.BuildListener;
import dev.cofferdam.vm.image.GuestImage;
import dev.cofferdam.vm.image.ImageException;
import dev.cofferdam.vm.image.ImageInputException;
import dev.cofferdam.vm.image.ImageStore;
import dev.cofferdam.vm.image.TemplateNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sandbox templates from OCI images through the local Docker Engine: an image already in the
 * engine, or one built from a Dockerfile, is exported and packed into a root disk by
 * {@link ImageStore#buildFrom}. Every input is checked before anything is written. Thread-safe:
 * the image store serializes builds.
 */
public final class OciTemplates {
    private final ImageStore store;
    private final EngineAddress engine;
    private final boolean root;

    /**
     * @param root whether this process runs as root (unpacking owners and mkfs need it)
     */
    public OciTemplates(ImageStore store, EngineAddress engine, boolean root) {
        this.store = store;
        this.engine = engine;
        this.root = root;
    }

    /**
     * A template from an image the engine already has (nothing is pulled).
     *
     * @param name the template name; empty: derived from the reference
     * @throws ImageInputException for a bad name, no engine, an unknown image, a tree without a shell, not root
     * @throws ImageException      when a build step fails
     */
    public GuestImage fromImage(String reference, Optional<String> name, boolean force, BuildListener listener)
            throws ImageException {
        String template = checkName(name.orElseGet(() -> TemplateNames.forImage(reference)), reference);
        try (DockerEngine docker = DockerEngine.connect(engine)) {
            String id = docker.imageId(reference).orElseThrow(() -> new ImageInputException("image " + reference
                    + " is not in the local Docker Engine and cofferdam pulls nothing: build it from a Dockerfile"
                    + " (--dockerfile PATH)"));
            checkArchitecture(docker, reference, id);
            return store.buildFrom(template, new DockerRootfs(docker, reference, id, "docker"), force, listener);
        }
    }

    /**
     * A template from a Dockerfile, built by the engine first (context: the Dockerfile's folder;
     * the image is tagged {@code cofferdam/<name>}).
     *
     * @param buildLog receives each line of the docker build's output
     * @throws DockerBuildException when the build fails, with its last lines
     */
    public GuestImage fromDockerfile(Path dockerfile, Optional<String> name, boolean force, Consumer<String> buildLog,
            BuildListener listener) throws ImageException {
        Path file = dockerfile.toAbsolutePath().normalize();
        String template = checkName(name.orElseGet(() -> TemplateNames.forDockerfile(file)), file.toString());
        if (!Files.isRegularFile(file)) {
            throw new ImageInputException("no Dockerfile at " + file);
        }
        try (DockerEngine docker = DockerEngine.connect(engine)) {
            String built = new DockerfileBuild(buildLog).build(docker, file, "cofferdam/" + template + ":latest");
            // The builder reports a short id; the full one keys the cache, whichever way the image came.
            String id = docker.imageId(built).orElseThrow(() -> new ImageException("the image just built ("
                    + built + ") is gone from the Docker Engine"));
            checkArchitecture(docker, file.toString(), id);
            return store.buildFrom(template, new DockerRootfs(docker, file.toString(), id, "dockerfile"), force, listener);
        }
    }

    /** Guests are x86-64 microVMs: an image for another CPU would not run in them. */
    private static void checkArchitecture(DockerEngine docker, String source, String id) throws ImageException {
        String arch = docker.architecture(id);
        if (!arch.isEmpty() && !arch.equals("amd64")) {
            throw new ImageInputException("image " + source + " is built for " + arch + ": sandboxes run amd64 (x86-64)"
                    + " guests; use an amd64 image");
        }
    }

    private String checkName(String template, String source) throws ImageInputException {
        if (template.isEmpty()) {
            throw new ImageInputException("cannot make a template name from " + source + ": give one with --name");
        }
        TemplateNames.check(template);
        if (!root) {
            throw new ImageInputException("building a template from an OCI image needs root (unpacking file owners,"
                    + " mkfs.ext4): run it with sudo");
        }
        return template;
    }
}
