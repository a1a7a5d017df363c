package dev.cofferdam.app.ui.blast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cofferdam.app.ui.GitRepo;
import dev.cofferdam.engine.AnalysisException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitChangedFilesTest {
    @TempDir
    Path dir;

    @Test
    void rangeAndWorkingTree() throws Exception {
        GitRepo repo = new GitRepo(dir);
        repo.write("a/A.java", "class A {}\n").write("b/B.java", "class B {}\n").commit("one");
        repo.write("a/A.java", "class A { int x; }\n").commit("two");
        repo.write("b/B.java", "class B { int y; }\n").write("c/C.java", "class C {}\n");
        GitChangedFiles changed = new GitChangedFiles();
        assertThat(changed.of(dir, "HEAD~1..HEAD")).containsExactly("a/A.java");
        assertThat(changed.of(dir, "")).containsExactly("b/B.java", "c/C.java");
    }

    @Test
    void badRangeAndNoRepositoryAreOneLineErrors() throws Exception {
        new GitRepo(dir).write("A.java", "class A {}\n").commit("one");
        assertThatThrownBy(() -> new GitChangedFiles().of(dir, "nope..HEAD"))
                .isInstanceOf(AnalysisException.class).hasMessageStartingWith("git diff failed:");
        assertThatThrownBy(() -> new GitChangedFiles().of(dir, "--output=/tmp/x"))
                .isInstanceOf(AnalysisException.class).hasMessage("bad git range: --output=/tmp/x");
    }

    @Test
    void folderOutsideAnyRepository(@TempDir Path plain) {
        assertThatThrownBy(() -> new GitChangedFiles().of(plain, ""))
                .isInstanceOf(AnalysisException.class).hasMessageStartingWith("git diff failed:");
    }
}
