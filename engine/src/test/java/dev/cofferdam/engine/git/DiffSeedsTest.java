package dev.cofferdam.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffSeedsTest {
    @TempDir
    Path dir;

    private TestRepo history() {
        TestRepo repo = TestRepo.init(dir);
        repo.lines("src/A.java", 20, "a").lines("src/B.java", 20, "b").lines("src/C.java", 20, "c")
                .lines("docs/guide.md", 5, "d");
        repo.commit("start");
        repo.git("tag", "v1");
        repo.lines("src/A.java", 21, "a2").delete("src/B.java").lines("src/New.java", 3, "n");
        repo.git("mv", "src/C.java", "src/Renamed.java");
        repo.commit("change");
        repo.git("tag", "v2");
        return repo;
    }

    @Test
    void rangeListsChangedRenamedAndDeletedFiles() throws Exception {
        history();
        List<ChangedFile> files = DiffSeeds.fromRange(dir, "v1..v2");
        assertThat(files).containsExactlyInAnyOrder(
                ChangedFile.of("src/A.java", ChangeKind.MODIFIED),
                ChangedFile.of("src/B.java", ChangeKind.DELETED),
                ChangedFile.of("src/New.java", ChangeKind.ADDED),
                new ChangedFile("src/Renamed.java", "src/C.java", ChangeKind.RENAMED));
        assertThat(DiffSeeds.fromRange(dir, "v1...v2")).hasSize(4);
        assertThat(DiffSeeds.fromRange(dir, "v1")).hasSize(4);
    }

    @Test
    void rangeInsideASubdirectoryIsRelativeToIt() throws Exception {
        history();
        List<ChangedFile> files = DiffSeeds.fromRange(dir.resolve("src"), "v1..v2");
        assertThat(files).extracting(ChangedFile::path)
                .containsExactlyInAnyOrder("A.java", "B.java", "New.java", "Renamed.java");
    }

    @Test
    void unknownRevisionIsABadInput() {
        history();
        assertThatThrownBy(() -> DiffSeeds.fromRange(dir, "v1..nope"))
                .isInstanceOf(AnalysisException.class)
                .hasMessage("unknown revision 'nope' (try `git log --oneline`)");
    }

    @Test
    void notAGitRepository() {
        assertThatThrownBy(() -> DiffSeeds.fromRange(dir, "a..b"))
                .isInstanceOf(AnalysisException.class)
                .hasMessageContaining("is not inside a git repository");
        assertThatThrownBy(() -> DiffSeeds.fromWorkingTree(dir))
                .hasMessageContaining("is not inside a git repository");
    }

    @Test
    void workingTreeHasStagedUnstagedAndUntrackedChanges() throws Exception {
        TestRepo repo = history();
        repo.lines("src/A.java", 2, "unstaged");
        repo.lines("src/New.java", 4, "staged");
        repo.git("add", "src/New.java");
        repo.lines("src/brand/Untracked.java", 1, "u");
        repo.delete("docs/guide.md");
        List<ChangedFile> files = DiffSeeds.fromWorkingTree(dir);
        assertThat(files).containsExactlyInAnyOrder(
                ChangedFile.of("src/A.java", ChangeKind.MODIFIED),
                ChangedFile.of("src/New.java", ChangeKind.MODIFIED),
                ChangedFile.of("src/brand/Untracked.java", ChangeKind.UNTRACKED),
                ChangedFile.of("docs/guide.md", ChangeKind.DELETED));
    }

    @Test
    void workingTreeOfARepositoryWithoutCommits() throws Exception {
        TestRepo repo = TestRepo.init(dir);
        repo.lines("a.txt", 1, "x");
        assertThat(DiffSeeds.fromWorkingTree(dir)).containsExactly(ChangedFile.of("a.txt", ChangeKind.UNTRACKED));
    }

    @Test
    void patchFromGitFormatPatchIsParsed() throws Exception {
        TestRepo repo = history();
        String patch = repo.git("diff", "-M", "v1", "v2");
        Path file = dir.resolve("change.patch");
        Files.writeString(file, patch);
        assertThat(DiffSeeds.fromPatch(file)).containsExactlyInAnyOrderElementsOf(DiffSeeds.fromRange(dir, "v1..v2"));
    }

    @Test
    void plainUnifiedDiffWithHunkLinesThatLookLikeHeaders() throws Exception {
        Path file = dir.resolve("plain.diff");
        Files.writeString(file, """
                --- old/lib.c\t2024-01-01 10:00:00
                +++ new/lib.c\t2024-01-02 10:00:00
                @@ -1,3 +1,3 @@
                 keep
                --- removed line that starts with dashes
                +++ added line that starts with pluses
                 keep
                --- /dev/null
                +++ b/fresh.txt
                @@ -0,0 +1 @@
                +hello
                """);
        assertThat(DiffSeeds.fromPatch(file)).containsExactly(
                new ChangedFile("new/lib.c", "old/lib.c", ChangeKind.RENAMED),
                ChangedFile.of("fresh.txt", ChangeKind.ADDED));
    }

    @Test
    void patchWithoutHeadersIsRejected() throws Exception {
        Path file = dir.resolve("not.patch");
        Files.writeString(file, "hello\n");
        assertThatThrownBy(() -> DiffSeeds.fromPatch(file)).hasMessageContaining("no diff header");
        assertThatThrownBy(() -> DiffSeeds.fromPatch(dir.resolve("missing.patch"))).hasMessage("no such patch file: " + dir.resolve("missing.patch"));
        assertThatThrownBy(() -> DiffSeeds.fromPatch(dir)).hasMessage("not a file: " + dir);
    }

    @Test
    void quotedPathsAreUnquoted() {
        assertThat(GitQuoting.unquote("\"a/sp\\303\\251cial\\tname\"")).isEqualTo("a/spécial\tname");
        assertThat(GitQuoting.unquote("plain")).isEqualTo("plain");
    }
}
