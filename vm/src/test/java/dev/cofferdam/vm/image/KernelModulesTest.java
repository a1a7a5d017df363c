package dev.cofferdam.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelModulesTest {
    @TempDir
    Path dir;

    private void module(String path, String depends) throws Exception {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.write(f, ("\u007fELF junk\0license=GPL\0depends=" + depends + "\0intree=Y\0").getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void ordersDependenciesFirstAndSkipsBuiltins() throws Exception {
        module("kernel/drivers/virtio/virtio_ring.ko", "");
        module("kernel/drivers/virtio/virtio.ko", "virtio_ring");
        module("kernel/drivers/virtio/virtio_mmio.ko", "virtio,virtio_ring");
        module("kernel/fs/fuse/virtiofs.ko", "fuse,virtio,virtio_ring");
        module("kernel/fs/fuse/fuse.ko", "");
        Files.writeString(dir.resolve("modules.builtin"), "kernel/fs/fuse/fuse.ko\n");
        List<String> order = new KernelModules(dir).loadOrder(List.of("virtiofs", "virtio_mmio")).stream()
                .map(p -> p.getFileName().toString()).toList();
        assertThat(order).containsExactly("virtio_ring.ko", "virtio.ko", "virtiofs.ko", "virtio_mmio.ko");
    }

    @Test
    void aMissingModuleIsNamed() throws Exception {
        module("kernel/a.ko", "b");
        assertThatThrownBy(() -> new KernelModules(dir).loadOrder(List.of("a")))
                .isInstanceOf(ImageException.class).hasMessage("the guest kernel has no module b");
    }
}
