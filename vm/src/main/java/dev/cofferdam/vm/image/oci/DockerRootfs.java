package dev.cofferdam.vm.image.oci;

import dev.cofferdam.vm.image.ImageException;
import dev.cofferdam.vm.image.RootfsSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A local Docker image as a template's root file system: exported through a temporary container
 * and unpacked with tar. Not thread-safe (one build at a time).
 */
final class DockerRootfs implements RootfsSource {
    private final DockerEngine engine;
    private final String name;
    private final String imageId;
    private final String kind;

    /**
     * @param name    what the user gave (image reference or Dockerfile path)
     * @param imageId the engine's id for it
     * @param kind    {@code docker} or {@code dockerfile}, for {@link #describe()}
     */
    DockerRootfs(DockerEngine engine, String name, String imageId, String kind) {
        this.engine = engine;
        this.name = name;
        this.imageId = imageId;
        this.kind = kind;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String key() {
        return imageId;
    }

    @Override
    public String describe() {
        String hex = imageId.startsWith("sha256:") ? imageId.substring(7) : imageId;
        return kind + " " + name + " sha256:" + hex.substring(0, Math.min(12, hex.length()));
    }

    @Override
    public void unpack(Path rootfs, Path work) throws ImageException, IOException {
        ContainerExport.export(engine, imageId, tar -> TarUnpack.into(rootfs, tar, work.resolve("tar.log")));
    }
}
