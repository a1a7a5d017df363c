package dev.cofferdam.engine.owners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.git.GitRepo;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import dev.cofferdam.engine.testing.Maps;
import dev.cofferdam.engine.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitAuthorshipTest {
    private static final Instant HEAD = Instant.parse("2026-03-01T00:00:00Z");

    @TempDir
    Path dir;
    @TempDir
    Path cache;

    /** Ann wrote A and Dormant long ago (outside the window), Bob rewrote it half a life ago, Carol touched it at HEAD, Dave renamed it. */
    private TestRepo history() {
        TestRepo repo = TestRepo.init(dir);
        repo.as("Ann", "ann@example.test").at(HEAD.minus(Duration.ofDays(400)))
                .lines("src/A.java", 100, "ann").lines("src/Dormant.java", 10, "old").commit("ann writes A");
        repo.as("Bob", "Bob@Example.test").at(HEAD.minus(Duration.ofDays(GitAuthorship.HALF_LIFE_DAYS)))
                .lines("src/A.java", 100, "bob").commit("bob rewrites A");
        repo.as("Carol", "carol@example.test").at(HEAD.minus(Duration.ofHours(2)))
                .lines("src/C.java", 30, "carol").write("src/A.java",
                        Files.exists(dir.resolve("src/A.java")) ? read("src/A.java") + "carol 1\ncarol 2\ncarol 3\ncarol 4\ncarol 5\n" : "")
                .commit("carol adds C and 5 lines to A");
        repo.as("Dave", "dave@example.test").at(HEAD);
        repo.git("mv", "src/A.java", "src/Moved.java");
        repo.commit("dave moves A");
        return repo;
    }

    private String read(String path) {
        try {
            return Files.readString(dir.resolve(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void recentLinesWeighMoreAndRenamesAreFollowed() throws Exception {
        history();
        Map<String, List<AuthorScore>> a = new GitAuthorship(null).authorship(GitRepo.open(dir), dir);
        assertThat(a).containsOnlyKeys("src/Moved.java", "src/C.java", "src/Dormant.java");
        // nobody touched Dormant.java within the window: its old author is still named
        assertThat(a.get("src/Dormant.java")).extracting(AuthorScore::author).containsExactly("ann@example.test");
        List<AuthorScore> moved = a.get("src/Moved.java");
        // Ann is outside the 365-day window; Bob's 100 added + 100 removed lines count half (one half-life)
        assertThat(moved).extracting(AuthorScore::author).containsExactly("bob@example.test", "carol@example.test",
                "dave@example.test");
        assertThat(moved.get(0).score()).isCloseTo(100.0, within(0.01));
        assertThat(moved.get(1).score()).isCloseTo(5.0, within(0.01));
        assertThat(a.get("src/C.java")).extracting(AuthorScore::author).containsExactly("carol@example.test");
        assertThat(a.get("src/C.java").get(0).score()).isCloseTo(30.0, within(0.01));
    }

    @Test
    void resultIsCachedByRepositoryAndHead() throws Exception {
        TestRepo repo = history();
        GitAuthorship authorship = new GitAuthorship(cache);
        Map<String, List<AuthorScore>> first = authorship.authorship(GitRepo.open(dir), dir);
        Path file = new AuthorshipCache(cache).file(dir, repo.git("rev-parse", "HEAD").strip());
        assertThat(file).exists();
        // tamper with the cache: a second call must read it instead of running git log
        Files.writeString(file, "src/C.java\tcached@example.test\t7.0\n");
        assertThat(authorship.authorship(GitRepo.open(dir), dir))
                .containsExactlyEntriesOf(Map.of("src/C.java", List.of(new AuthorScore("cached@example.test", 7.0))));
        // a new HEAD is a new key
        repo.at(HEAD.plusSeconds(60)).lines("src/C.java", 31, "carol").commit("more");
        assertThat(authorship.authorship(GitRepo.open(dir), dir).get("src/C.java")).extracting(AuthorScore::author)
                .containsExactly("carol@example.test", "dave@example.test");
        assertThat(first).containsKey("src/Moved.java");
    }

    @Test
    void brokenCacheFileIsIgnored() throws Exception {
        TestRepo repo = history();
        Path file = new AuthorshipCache(cache).file(dir, repo.git("rev-parse", "HEAD").strip());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "garbage\n");
        assertThat(new GitAuthorship(cache).authorship(GitRepo.open(dir), dir)).containsKey("src/Moved.java");
    }

    @Test
    void ownersCombineCodeOwnersAndTopAuthors() throws Exception {
        history();
        Files.writeString(dir.resolve("CODEOWNERS"), "*.java @java-team\n");
        RepoMap map = new Maps(dir.toString()).module("core", "core")
                .file("src/Moved.java", "core", false).file("src/C.java", "core", false).file("src/Other.java", "core", false)
                .file("src/Dormant.java", "core", false).build();
        RepoMap owned = Ownership.withOwners(map, dir, ProgressListener.NONE, new GitAuthorship(null));
        SourceFile moved = owned.files().get(0);
        // carol's 5 lines are under 10% of bob's 100: left out; dave only renamed (score 1 per rename)
        assertThat(moved.owners()).containsExactly("@java-team", "bob@example.test");
        assertThat(owned.files().get(1).owners()).containsExactly("@java-team", "carol@example.test");
        assertThat(owned.files().get(2).owners()).containsExactly("@java-team");
        assertThat(owned.files().get(3).owners()).containsExactly("@java-team", "ann@example.test");
        assertThat(owned.modules().get(0).owners()).containsExactly("@java-team", "ann@example.test", "bob@example.test",
                "carol@example.test");
    }

    @Test
    void withoutGitOnlyCodeOwnersCount() throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/CODEOWNERS"), "/src/ @src-team\n");
        RepoMap map = new Maps(dir.toString()).module("m", "m").file("src/X.java", "m", false)
                .file("README.md", "m", false).build();
        RepoMap owned = Ownership.withOwners(map, dir, ProgressListener.NONE, new GitAuthorship(cache));
        assertThat(owned.files()).extracting(SourceFile::owners).containsExactly(List.of("@src-team"), List.of());
        assertThat(owned.modules().get(0).owners()).containsExactly("@src-team");
    }

    @Test
    void nothingKnownReturnsTheSameMap() {
        RepoMap map = new Maps(dir.toString()).module("m", "m").file("X.java", "m", false).build();
        assertThat(Ownership.withOwners(map, dir, ProgressListener.NONE, new GitAuthorship(cache))).isSameAs(map);
    }

    @Test
    void renameSidesAreParsed() {
        assertThat(NumstatParser.renameSides("src/{a => b}/X.java")).containsExactly("src/a/X.java", "src/b/X.java");
        assertThat(NumstatParser.renameSides("src/{ => sub}/X.java")).containsExactly("src/X.java", "src/sub/X.java");
        assertThat(NumstatParser.renameSides("old.txt => new.txt")).containsExactly("old.txt", "new.txt");
        assertThat(NumstatParser.renameSides("plain.txt")).containsExactly(null, "plain.txt");
    }
}
