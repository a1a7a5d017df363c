package dev.cofferdam.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
}
