package dev.cofferdam.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
    @TempDir
    Path dir;

    @Test
    void aMissingImageSaysHowToBuildIt() throws Exception {
        ImageStore store = new ImageStore(dir);
        assertThat(store.find("tiny")).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThatThrownBy(() -> store.require("tiny")).isInstanceOf(ImageException.class)
                .hasMessage("image 'tiny' is not built: run `cofferdam image build tiny`");
    }

    @Test
    void anUnknownTemplateIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> new ImageStore(dir).build("gentoo", BuildListener.NONE))
                .isInstanceOf(ImageException.class).hasMessage("unknown template 'gentoo' (known: tiny, agent)");
    }

    @Test
    void theInstalledToolsAreReadBackFromTheImageMetadata() throws Exception {
        Path image = Files.createDirectories(dir.resolve("agent-0123456789ab"));
        for (String f : List.of("vmlinuz", "initrd.gz", "cofferdam-relay", GuestImage.DISK)) {
            Files.writeString(image.resolve(f), "x");
        }
        Files.setPosixFilePermissions(image.resolve("cofferdam-relay"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(image.resolve("image.json"), "{\"schema\":1,\"name\":\"agent\",\"version\":\"0123456789ab\","
                + "\"kernelRelease\":\"6.1.0-1-cloud-amd64\",\"tools\":{\"claude\":\"2.1.0\",\"codex\":\"0.1.0\"}}");
        assertThat(new ImageStore(dir).list()).singleElement().satisfies(i -> {
            assertThat(i.tools()).containsExactly(Map.entry("claude", "2.1.0"), Map.entry("codex", "0.1.0"));
            assertThat(i.kernelRelease()).isEqualTo("6.1.0-1-cloud-amd64");
        });
        Files.writeString(image.resolve("image.json"), "{\"schema\":1,\"name\":\"agent\",\"version\":\"0123456789ab\"}");
        assertThat(new ImageStore(dir).list()).singleElement().satisfies(i -> assertThat(i.tools()).isEmpty());
    }

    @Test
    void editingThePinnedToolsChangesTheAgentImageVersion() throws Exception {
        String shipped = AgentTool.text();
        String bumped = shipped.replaceFirst("(?m)^(codex\\s+\\S+\\s+)\\S+", "$1" + "9.9.9");
        assertThat(AgentTool.parse(bumped)).extracting(AgentTool::version).contains("9.9.9");
        assertThat(ImageStore.agentVersion(bumped)).isNotEqualTo(ImageStore.agentVersion(shipped));
        assertThat(ImageStore.agentVersion(shipped)).isEqualTo(ImageStore.agentVersion(AgentTool.text()));
    }
}
