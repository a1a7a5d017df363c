package dev.cofferdam.vm.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An outside root file system a template is built from, e.g. an OCI image exported by the Docker
 * Engine. Implementations need not be thread-safe: the image store calls one build at a time.
 */
public interface RootfsSource {
    /** What the user named, e.g. {@code busybox:1.36} or a Dockerfile path; used in messages. */
    String name();

    /** The identity of the content (an image id): the same key gives the same template, built once. */
    String key();

    /** One line for {@code image ls}, e.g. {@code docker busybox:1.36 sha256:0123456789ab}. */
    String describe();

    /**
     * Fills {@code rootfs}, an empty directory, with the file system, keeping modes, owners
     * (numeric), links and hard links.
     *
     * @param work a scratch directory deleted after the build
     */
    void unpack(Path rootfs, Path work) throws ImageException, IOException;
}
