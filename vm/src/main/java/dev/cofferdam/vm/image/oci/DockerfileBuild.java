package dev.cofferdam.vm.image.oci;

import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.cofferdam.vm.image.ImageException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds an image from a Dockerfile with the engine's classic builder (context: the Dockerfile's
 * folder; nothing pulled), streaming the build output line by line and keeping its last lines for
 * the error message. Not thread-safe: one build per instance.
 */
final class DockerfileBuild {
    static final int TAIL = 15;

    private final Deque<String> tail = new ArrayDeque<>();
    private final Consumer<String> log;

    /** @param log receives each line of build output (called from docker-java's thread) */
    DockerfileBuild(Consumer<String> log) {
        this.log = log;
    }

    /**
     * @param tag the repository:tag the image gets, so later builds reuse its layers
     * @return the built image's id
     * @throws DockerBuildException when the build fails, with the last lines of its output
     */
    String build(DockerEngine engine, Path dockerfile, String tag) throws ImageException {
        BuildImageResultCallback callback = new BuildImageResultCallback() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    item.getStream().lines().forEach(DockerfileBuild.this::line);
                }
                if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
                    line(item.getErrorDetail().getMessage());
                }
                super.onNext(item);
            }
        };
        try {
            return engine.client().buildImageCmd().withDockerfile(dockerfile.toFile())
                    .withBaseDirectory(dockerfile.getParent().toFile()).withTags(Set.of(tag)).withPull(false)
                    .withRemove(true).withForcerm(true).exec(callback).awaitImageId();
        } catch (RuntimeException e) {
            List<String> lines = tailLines();
            String reason = DockerEngine.reason(e).replaceFirst("^Could not build image: ", "");
            throw new DockerBuildException("docker build of " + dockerfile + " failed: " + reason
                    + " (last build lines above)", lines, e);
        }
    }

    private synchronized void line(String text) {
        String l = text.stripTrailing();
        if (l.isEmpty()) {
            return;
        }
        if (tail.size() == TAIL) {
            tail.removeFirst();
        }
        tail.addLast(l);
        log.accept(l);
    }

    private synchronized List<String> tailLines() {
        return new ArrayList<>(tail);
    }
}
