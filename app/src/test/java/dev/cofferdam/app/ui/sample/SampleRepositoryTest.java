package dev.cofferdam.app.ui.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cofferdam.app.ui.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleRepositoryTest {
    @TempDir
    Path dir;

    @Test
    void replaysTheScriptedHistoryWithItsAuthorsAndDates() throws Exception {
        Path target = dir.resolve("data/cofferdam/sample");
        Path result = new SampleRepository(target).ensure();
        assertThat(result).isEqualTo(target);
        assertThat(target.resolve("CODEOWNERS")).exists();
        assertThat(target.resolve("core/src/main/java/dev/shop/core/Order.java")).content()
                .contains("public final class Order");
        try (Stream<Path> java = Files.walk(target).filter(p -> p.toString().endsWith(".java"))) {
            assertThat(java.count()).isBetween(25L, 45L);
        }
        GitRepo git = new GitRepo(target);
        assertThat(git.git("status", "--porcelain")).isEmpty();
        String log = git.git("log", "--format=%an|%aI|%s");
        assertThat(log.lines()).hasSize(16)
                .contains("Erik Lund|2025-01-06T09:12:00+00:00|Maven build with four modules");
        assertThat(log).contains("Alice Martin", "Bob Chen", "Carol Diaz", "Dana Okafor");
        // Order.java was written by Alice in three commits and finished by Bob
        String blame = git.git("blame", "--line-porcelain", "core/src/main/java/dev/shop/core/Order.java");
        assertThat(blame).contains("author Alice Martin", "author Bob Chen");
        assertThat(Files.list(dir.resolve("data/cofferdam")))
                .containsExactlyInAnyOrder(target, SampleRepository.sessionFile(target).getParent());
    }

    @Test
    void secondCallReusesTheFolder() throws Exception {
        Path target = dir.resolve("sample");
        new SampleRepository(target).ensure();
        Path marker = Files.createFile(target.resolve("user-note.txt"));
        new SampleRepository(target).ensure();
        assertThat(marker).exists();
    }

    @Test
    void historyFormatErrorsNameTheLine() {
        assertThatThrownBy(() -> SampleHistory.parse("# c\n  a.txt\n"))
                .hasMessage("history line 2: file before any commit");
        assertThatThrownBy(() -> SampleHistory.parse("commit nope | A <a@x.example> | m\n"))
                .hasMessageStartingWith("history line 1: bad date");
        SampleHistory h = SampleHistory.parse("commit 2025-01-01T00:00:00Z | A B <a@x.example> | first\n  x\n  y\n"
                + "commit 2025-01-02T00:00:00Z | C <c@x.example> | second\n  x\n");
        assertThat(h.touches("x")).isEqualTo(2);
        assertThat(h.files()).containsExactly("x", "y");
        assertThat(h.commits().get(0).author()).isEqualTo("A B");
    }
}
