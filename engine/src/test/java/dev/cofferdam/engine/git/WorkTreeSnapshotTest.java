package dev.cofferdam.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkTreeSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void recordsTrackedChangesAndUntrackedFilesWithoutTouchingIndexOrBranch() throws Exception {
        TestRepo repo = TestRepo.init(dir).write("a.txt", "one\n").write(".gitignore", "build/\n");
        repo.commit("first");
        repo.write("a.txt", "two\n").write("new/b.txt", "b\n").write("build/out.txt", "ignored\n");
        repo.git("add", "a.txt");
        String statusBefore = repo.git("status", "--porcelain");
        String head = repo.git("rev-parse", "HEAD").strip();

        String snap = WorkTreeSnapshot.take(GitRepo.open(dir), "runs/box/base", "snapshot");

        assertThat(snap).isNotEqualTo(head);
        assertThat(repo.git("rev-parse", "HEAD").strip()).isEqualTo(head);
        assertThat(repo.git("status", "--porcelain")).isEqualTo(statusBefore);
        assertThat(repo.git("rev-parse", "refs/cofferdam/runs/box/base").strip()).isEqualTo(snap);
        assertThat(repo.git("rev-parse", snap + "^").strip()).isEqualTo(head);
        assertThat(repo.git("show", snap + ":a.txt")).isEqualTo("two\n");
        assertThat(repo.git("show", snap + ":new/b.txt")).isEqualTo("b\n");
        assertThat(repo.git("ls-tree", "-r", "--name-only", snap)).doesNotContain("build/out.txt");
    }

    @Test
    void aCleanTreeIsHeadItselfAndADirtyOneIsReported() throws Exception {
        TestRepo repo = TestRepo.init(dir).write("a.txt", "one\n");
        repo.commit("first");
        GitRepo git = GitRepo.open(dir);
        assertThat(WorkTreeSnapshot.isDirty(git)).isFalse();
        assertThat(WorkTreeSnapshot.take(git, "runs/x/base", "s")).isEqualTo(repo.git("rev-parse", "HEAD").strip());
        Files.writeString(dir.resolve("c.txt"), "c\n");
        assertThat(WorkTreeSnapshot.isDirty(git)).isTrue();
    }

    @Test
    void worksInARepositoryWithoutCommitsAndFromASubdirectory() throws Exception {
        TestRepo repo = TestRepo.init(dir).write("top.txt", "t\n").write("sub/s.txt", "s\n");
        String snap = WorkTreeSnapshot.take(GitRepo.open(dir.resolve("sub")), "runs/y/base", "s");
        assertThat(repo.git("ls-tree", "-r", "--name-only", snap)).contains("top.txt", "sub/s.txt");
    }
}
