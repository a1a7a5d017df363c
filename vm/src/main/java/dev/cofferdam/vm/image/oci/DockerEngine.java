package dev.cofferdam.vm.image.oci;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.cofferdam.vm.image.ImageException;
import dev.cofferdam.vm.image.ImageInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to the local Docker Engine over its Unix socket (docker-java): looks up and builds
 * images and exports their file systems. Nothing is pulled. Thread-safe as docker-java's client
 * is; close it when done.
 */
public final class DockerEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);
    private static final String START = "install and start it: apt-get install docker.io, then run dockerd";

    private final EngineAddress address;
    private final DockerHttpClient http;
    private final DockerClient client;

    private DockerEngine(EngineAddress address, DockerHttpClient http, DockerClient client) {
        this.address = address;
        this.http = http;
        this.client = client;
    }

    /**
     * Connects and checks the engine answers {@code _ping}.
     *
     * @throws ImageInputException when there is no socket or nothing answers on it
     */
    public static DockerEngine connect(EngineAddress address) throws ImageInputException {
        if (!Files.exists(address.socket())) {
            throw new ImageInputException("no Docker Engine socket at " + address + ": " + START);
        }
        if (!Files.isWritable(address.socket())) {
            throw new ImageInputException("no permission to use the Docker Engine socket " + address
                    + ": run as root (or join the docker group)");
        }
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(address.uri().toString()).withDockerTlsVerify(false).build();
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofHours(1)).maxConnections(8).build();
        DockerEngine engine = new DockerEngine(address, http, DockerClientImpl.getInstance(config, http));
        try {
            engine.client.pingCmd().exec();
            return engine;
        } catch (RuntimeException e) {
            engine.close();
            throw new ImageInputException("the Docker Engine at " + address + " does not answer (" + reason(e)
                    + "): " + START, e);
        }
    }

    public EngineAddress address() {
        return address;
    }

    /** e.g. {@code Docker Engine 20.10.24 (API 1.41)}. */
    public String version() throws ImageException {
        try {
            Version v = client.versionCmd().exec();
            return "Docker Engine " + v.getVersion() + " (API " + v.getApiVersion() + ")";
        } catch (RuntimeException e) {
            throw new ImageException("asking the Docker Engine for its version failed: " + reason(e), e);
        }
    }

    /** The id ({@code sha256:...}) of a local image, by reference or id; empty when the engine does not have it. */
    public Optional<String> imageId(String reference) throws ImageException {
        try {
            return Optional.of(client.inspectImageCmd(reference).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new ImageException("looking up image " + reference + " failed: " + reason(e), e);
        }
    }

    /** The CPU architecture an image is built for, e.g. {@code amd64}. */
    public String architecture(String imageId) throws ImageException {
        try {
            String arch = client.inspectImageCmd(imageId).exec().getArch();
            return arch == null ? "" : arch;
        } catch (RuntimeException e) {
            throw new ImageException("inspecting image " + imageId + " failed: " + reason(e), e);
        }
    }

    /** docker-java's client, for the other classes of this package. */
    DockerClient client() {
        return client;
    }

    /** A raw GET on the engine API whose body the caller reads and closes. */
    DockerHttpClient.Response get(String path) {
        return http.execute(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path(path).build());
    }

    /** One line from a docker-java failure, without its JSON wrapping where there is one. */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replaceAll("^Status \\d+: ", "").replaceAll("\\{\"message\":\"(.*)\"\\}\\s*$", "$1");
        return m.strip().lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the Docker client: {}", e.getMessage());
        }
    }
}
