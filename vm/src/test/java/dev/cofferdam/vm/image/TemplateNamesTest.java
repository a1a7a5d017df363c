package dev.cofferdam.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TemplateNamesTest {
    @Test
    void imageReferencesGiveTheirLastPartAndTag() {
        assertThat(TemplateNames.forImage("busybox")).isEqualTo("busybox");
        assertThat(TemplateNames.forImage("busybox:latest")).isEqualTo("busybox");
        assertThat(TemplateNames.forImage("busybox:1.36")).isEqualTo("busybox-1-36");
        assertThat(TemplateNames.forImage("registry.test:5000/org/My_App:V2")).isEqualTo("my-app-v2");
        assertThat(TemplateNames.forImage("org/app@sha256:" + "ab".repeat(32))).isEqualTo("app");
        assertThat(TemplateNames.forImage("sha256:0123456789abcdef" + "0".repeat(48))).isEqualTo("image-0123456789ab");
        assertThat(TemplateNames.forImage("0123456789ab")).isEqualTo("image-0123456789ab");
    }

    @Test
    void dockerfilesGiveTheirFolderAndSuffix() {
        assertThat(TemplateNames.forDockerfile(Path.of("/src/Shop Front/Dockerfile"))).isEqualTo("shop-front");
        assertThat(TemplateNames.forDockerfile(Path.of("/src/shop/Dockerfile.dev"))).isEqualTo("shop-dev");
        assertThat(TemplateNames.forDockerfile(Path.of("/src/shop/ci.Dockerfile"))).isEqualTo("shop-ci");
    }

    @Test
    void sanitizeKeepsLowerCaseDigitsAndSingleDashes() {
        assertThat(TemplateNames.sanitize("--Hello__World..2--")).isEqualTo("hello-world-2");
        assertThat(TemplateNames.sanitize("äöü")).isEmpty();
        assertThat(TemplateNames.sanitize("a".repeat(39) + "-bcd")).isEqualTo("a".repeat(39));
        assertThat(TemplateNames.sanitize("x".repeat(60))).hasSize(TemplateNames.MAX);
    }

    @Test
    void checkRefusesBuiltInsAndInvalidNames() throws Exception {
        TemplateNames.check("node-20");
        assertThatThrownBy(() -> TemplateNames.check("agent")).isInstanceOf(ImageInputException.class)
                .hasMessage("template name 'agent' is taken by a built-in template: choose another with --name");
        for (String bad : new String[] {"", "-x", "x-", "a--b", "A", "a_b", "a".repeat(41)}) {
            assertThatThrownBy(() -> TemplateNames.check(bad)).as(bad).isInstanceOf(ImageInputException.class)
                    .hasMessageContaining("is not valid");
        }
    }
}
