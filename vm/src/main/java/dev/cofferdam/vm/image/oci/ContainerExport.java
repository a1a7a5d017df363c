package dev.cofferdam.vm.image.oci;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.cofferdam.vm.image.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An image's file system as a tar stream: a container is created from it (never started, no
 * network), exported, and removed again whatever happens. Stateless and thread-safe.
 */
final class ContainerExport {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerExport.class);
    /**
     * Label on the temporary containers: {@code docker ps -a --filter label=dev.cofferdam.export}
     * finds any left by a process killed during an export.
     */
    static final String LABEL = "dev.cofferdam.export";

    /** Reads the exported tar; the stream is closed after it returns. */
    interface TarReader {
        void read(InputStream tar) throws ImageException, IOException;
    }

    private ContainerExport() {
    }

    static void export(DockerEngine engine, String imageId, TarReader reader) throws ImageException, IOException {
        DockerClient client = engine.client();
        String id;
        try {
            // The command is never run; an image without CMD/ENTRYPOINT still needs one to be created.
            id = client.createContainerCmd(imageId).withCmd("/cofferdam-export-only").withNetworkDisabled(true)
                    .withLabels(Map.of(LABEL, "1")).exec().getId();
        } catch (RuntimeException e) {
            throw new ImageException("creating a container from " + imageId + " failed: " + DockerEngine.reason(e), e);
        }
        // Ctrl-C or a kill during the export: the JVM's exit still removes the container.
        Thread onExit = new Thread(() -> remove(client, id), "cofferdam-export-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
        boolean exported = false;
        try (DockerHttpClient.Response r = engine.get("/containers/" + id + "/export");
                InputStream body = r.getBody()) {
            if (r.getStatusCode() != 200) {
                throw new ImageException("exporting the container of " + imageId + " failed: HTTP " + r.getStatusCode()
                        + " " + new String(body.readNBytes(300), StandardCharsets.UTF_8).strip());
            }
            reader.read(body);
            exported = true;
        } catch (RuntimeException e) {
            throw new ImageException("exporting the container of " + imageId + " failed: " + DockerEngine.reason(e), e);
        } finally {
            String left = unhook(onExit) ? remove(client, id) : null;
            if (exported && left != null) {
                throw new ImageException("removing the temporary container " + id.substring(0, 12) + " failed: " + left
                        + " (remove it with `docker rm -f " + id.substring(0, 12) + "`)");
            }
        }
    }

    /** Whether the hook was withdrawn; false when the JVM is already exiting (the hook then removes the container). */
    private static boolean unhook(Thread hook) {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    /** Removes the container; returns null, or why it could not. */
    private static String remove(DockerClient client, String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return null;
        } catch (RuntimeException e) {
            LOG.warn("temporary container {} not removed: {}", id, e.getMessage());
            return DockerEngine.reason(e);
        }
    }
}
