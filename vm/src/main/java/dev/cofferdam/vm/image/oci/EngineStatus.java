package dev.cofferdam.vm.image.oci;

import dev.cofferdam.vm.image.ImageException;

/**
 * Whether a Docker Engine answers, for {@code cofferdam doctor}. Immutable.
 *
 * @param answering true when {@code _ping} and {@code version} succeeded
 * @param detail    the engine version and socket, or what is wrong and how to fix it
 */
public record EngineStatus(boolean answering, String detail) {
    /** Asks the engine at {@code address}; never throws. */
    public static EngineStatus probe(EngineAddress address) {
        try (DockerEngine engine = DockerEngine.connect(address)) {
            return new EngineStatus(true, engine.version() + " on " + address);
        } catch (ImageException e) {
            return new EngineStatus(false, e.getMessage());
        }
    }
}
