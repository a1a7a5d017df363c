package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cp -r / docker cp rules for where a copy lands on the host, on real directories. */
class CopyTargetTest {
    @TempDir
    Path dir;

    @Test
    void sourcesSplitIntoNameAndContentsOnly() throws Exception {
        assertThat(CopyTarget.Source.of("/srv/app/")).isEqualTo(new CopyTarget.Source("/srv/app", "app", false));
        assertThat(CopyTarget.Source.of("/srv/app/.")).isEqualTo(new CopyTarget.Source("/srv/app", "app", true));
        assertThat(CopyTarget.Source.of("notes.txt")).isEqualTo(new CopyTarget.Source("notes.txt", "notes.txt", false));
        assertThat(CopyTarget.Source.of("/.")).isEqualTo(new CopyTarget.Source("/", "", true));
        assertThatThrownBy(() -> CopyTarget.Source.of("/")).hasMessageContaining("add /. to copy its contents");
        assertThatThrownBy(() -> CopyTarget.Source.of("/srv/..")).hasMessageContaining("has no name");
    }

    @Test
    void anExistingDirectoryReceivesTheSourceUnderItsName() throws Exception {
        Files.createDirectory(dir.resolve("into"));
        CopyTarget.Source src = CopyTarget.Source.of("/srv/app");
        assertThat(CopyTarget.onHost(dir.resolve("into").toString(), src, true)).isEqualTo(dir.resolve("into/app"));
        assertThat(CopyTarget.onHost(dir.resolve("into") + "/", src, false)).isEqualTo(dir.resolve("into/app"));
        assertThat(CopyTarget.onHost(dir.resolve("into").toString(), CopyTarget.Source.of("/srv/app/."), true))
                .isEqualTo(dir.resolve("into"));
    }

    @Test
    void aMissingTargetIsCreatedWhenItsParentExists() throws Exception {
        CopyTarget.Source src = CopyTarget.Source.of("/srv/app");
        assertThat(CopyTarget.onHost(dir.resolve("new").toString(), src, true)).isEqualTo(dir.resolve("new"));
        assertThatThrownBy(() -> CopyTarget.onHost(dir.resolve("no/such").toString(), src, true))
                .isInstanceOf(SandboxException.class)
                .hasMessage("cp: " + dir.resolve("no") + " does not exist (the parent of the target must)");
        assertThatThrownBy(() -> CopyTarget.onHost(dir.resolve("new") + "/", src, true))
                .hasMessageEndingWith("new/ is not a directory");
    }

    @Test
    void kindsMustMatch() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        Files.createDirectories(dir.resolve("d/app"));
        assertThatThrownBy(() -> CopyTarget.onHost(dir.resolve("file").toString(), CopyTarget.Source.of("/srv/app"), true))
                .isInstanceOf(SandboxException.class).hasMessage("cp: cannot copy a directory onto the file " + dir.resolve("file"));
        assertThatThrownBy(() -> CopyTarget.onHost(dir.resolve("d").toString(), CopyTarget.Source.of("/srv/app"), false))
                .hasMessage("cp: cannot copy a file onto the directory " + dir.resolve("d/app"));
        assertThat(CopyTarget.onHost(dir.resolve("file").toString(), CopyTarget.Source.of("/etc/file"), false))
                .isEqualTo(dir.resolve("file"));
        assertThatThrownBy(() -> CopyTarget.onHost(dir.resolve("new").toString(), CopyTarget.Source.of("/etc/hosts/."), false))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.isBadInput()).isTrue())
                .hasMessageContaining("is not a directory");
    }
}
