package dev.cofferdam.engine.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeOwnersTest {
    @Test
    void lastMatchingRuleWins() {
        CodeOwners co = CodeOwners.parse("""
                # default
                *       @everyone
                *.java  @java-team
                /core/  @core-team  # trailing comment
                /core/legacy/Old.java
                """);
        assertThat(co.ownersOf("README.md")).containsExactly("@everyone");
        assertThat(co.ownersOf("app/src/Main.java")).containsExactly("@java-team");
        assertThat(co.ownersOf("core/src/Main.java")).containsExactly("@core-team");
        // a rule without owners un-assigns what earlier rules gave
        assertThat(co.ownersOf("core/legacy/Old.java")).isEmpty();
    }

    @Test
    void anchoredAndUnanchoredPatterns() {
        assertThat(CodeOwnersPattern.compile("apps/").matches("apps/x.js")).isTrue();
        assertThat(CodeOwnersPattern.compile("apps/").matches("web/apps/x.js")).isTrue();
        assertThat(CodeOwnersPattern.compile("/apps/").matches("web/apps/x.js")).isFalse();
        assertThat(CodeOwnersPattern.compile("logs/").matches("logs")).isFalse();
        assertThat(CodeOwnersPattern.compile("build").matches("a/b/build/out.txt")).isTrue();
        assertThat(CodeOwnersPattern.compile("build").matches("a/b/build")).isTrue();
        assertThat(CodeOwnersPattern.compile("/build").matches("a/build/out.txt")).isFalse();
        assertThat(CodeOwnersPattern.compile("/build").matches("build/out.txt")).isTrue();
        assertThat(CodeOwnersPattern.compile("*.js").matches("deep/down/x.js")).isTrue();
        assertThat(CodeOwnersPattern.compile("*.js").matches("x.jsx")).isFalse();
        assertThat(CodeOwnersPattern.compile("docs/*.md").matches("docs/a.md")).isTrue();
        assertThat(CodeOwnersPattern.compile("docs/*.md").matches("x/docs/a.md")).isFalse();
    }

    @Test
    void starsAndDirectories() {
        CodeOwnersPattern shallow = CodeOwnersPattern.compile("docs/*");
        assertThat(shallow.matches("docs/getting-started.md")).isTrue();
        assertThat(shallow.matches("docs/build-app/troubleshooting.md")).isFalse();
        CodeOwnersPattern deep = CodeOwnersPattern.compile("/docs/");
        assertThat(deep.matches("docs/build-app/troubleshooting.md")).isTrue();
        CodeOwnersPattern anyLogs = CodeOwnersPattern.compile("**/logs");
        assertThat(anyLogs.matches("build/logs/a.log")).isTrue();
        assertThat(anyLogs.matches("logs/a.log")).isTrue();
        assertThat(anyLogs.matches("mylogs/a.log")).isFalse();
        CodeOwnersPattern middle = CodeOwnersPattern.compile("src/**/test/*.java");
        assertThat(middle.matches("src/test/A.java")).isTrue();
        assertThat(middle.matches("src/a/b/test/A.java")).isTrue();
        assertThat(middle.matches("src/a/b/test/x/A.java")).isFalse();
        assertThat(CodeOwnersPattern.compile("*").matches("a/b/c.txt")).isTrue();
        assertThat(CodeOwnersPattern.compile("file?.txt").matches("file1.txt")).isTrue();
        assertThat(CodeOwnersPattern.compile("file?.txt").matches("file12.txt")).isFalse();
        assertThat(CodeOwnersPattern.compile("my\\ file.txt").matches("my file.txt")).isTrue();
    }

    @Test
    void gitLabSectionsCombineAndUseDefaultOwners() {
        CodeOwners co = CodeOwners.parse("""
                *.java @dev
                [Documentation] @docs-team
                docs/
                ^[Security][2] @sec
                **/crypto/ @crypto
                src/
                """);
        assertThat(co.ownersOf("docs/a.md")).containsExactly("@docs-team");
        // within a section the last match wins (src/ after **/crypto/); sections combine
        assertThat(co.ownersOf("src/crypto/Aes.java")).containsExactly("@dev", "@sec");
        assertThat(co.ownersOf("lib/crypto/aes.c")).containsExactly("@crypto");
        assertThat(co.ownersOf("src/Main.java")).containsExactly("@dev", "@sec");
    }

    @Test
    void loadsFromGithubFolderFirst(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve(".github"));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/CODEOWNERS"), "* @from-docs\n");
        assertThat(CodeOwners.load(root).ownersOf("a.txt")).containsExactly("@from-docs");
        Files.writeString(root.resolve("CODEOWNERS"), "* @from-root\n");
        assertThat(CodeOwners.load(root).ownersOf("a.txt")).containsExactly("@from-root");
        Files.writeString(root.resolve(".github/CODEOWNERS"), "* @from-github\n");
        assertThat(CodeOwners.load(root).ownersOf("a.txt")).containsExactly("@from-github");
    }

    @Test
    void noFileMeansNoOwners(@TempDir Path root) {
        assertThat(CodeOwners.load(root).isEmpty()).isTrue();
        assertThat(CodeOwners.load(root).ownersOf("a.txt")).isEmpty();
    }
}
