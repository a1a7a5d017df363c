package dev.cofferdam.vm.image.oci;

import dev.cofferdam.vm.image.ImageInputException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the Docker Engine listens: {@code DOCKER_HOST} when it names a Unix socket, else
 * {@code /var/run/docker.sock}. Only Unix sockets are used (no TCP, no TLS). Immutable.
 *
 * @param socket the engine's Unix socket
 */
public record EngineAddress(Path socket) {
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");

    /** From this process's environment. */
    public static EngineAddress fromEnvironment() throws ImageInputException {
        return from(System.getenv());
    }

    /**
     * @throws ImageInputException when {@code DOCKER_HOST} is set to something other than a Unix socket
     */
    public static EngineAddress from(Map<String, String> env) throws ImageInputException {
        String host = env.getOrDefault("DOCKER_HOST", "").strip();
        if (host.isEmpty()) {
            return new EngineAddress(DEFAULT_SOCKET);
        }
        if (!host.startsWith("unix://") || host.length() <= "unix://".length()) {
            throw new ImageInputException("DOCKER_HOST=" + host + " is not a Unix socket: cofferdam talks only to a local"
                    + " engine (unset it, or set unix:///path/to/docker.sock)");
        }
        return new EngineAddress(Path.of(host.substring("unix://".length())));
    }

    public URI uri() {
        return URI.create("unix://" + socket.toAbsolutePath());
    }

    @Override
    public String toString() {
        return socket.toString();
    }
}
