package dev.cofferdam.engine.blast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cofferdam.engine.git.CoChange;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.testing.Maps;
import dev.cofferdam.engine.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlastServiceTest {
    @TempDir
    Path dir;

    private RepoMap map() {
        return new Maps(dir.toString()).module("m", "m")
                .file("src/A.java", "m", false).file("src/B.java", "m", false)
                .edge("src/B.java", "src/A.java", EdgeKind.REFERENCE, 3).build();
    }

    @Test
    void seedsAndADiffCombineAndHistoryStaysApart() throws Exception {
        TestRepo repo = TestRepo.init(dir);
        repo.lines("src/A.java", 3, "a").lines("src/B.java", 3, "b").commit("start");
        for (int i = 1; i <= 3; i++) {
            repo.lines("src/A.java", 3, "a" + i).lines("conf/a.yml", 1, "c" + i).commit("a with its config " + i);
        }
        repo.lines("conf/a.yml", 1, "uncommitted");
        BlastService service = new BlastService();
        BlastReport report = service.blast(map(), dir, new SeedSpec(List.of("src/A.java"), null, null, true), 0, true);
        assertThat(report.result().seeds()).containsExactly("src/A.java", "conf/a.yml");
        assertThat(report.result().impacted()).extracting(Impact::path).containsExactly("src/B.java");
        // seeds are never listed as co-changed with each other
        assertThat(report.history()).extracting(CoChange::path).doesNotContain("src/A.java", "conf/a.yml");
        // history is its own list: the config file changed with A in 3 of A's 4 commits
        BlastReport onlyA = service.blast(map(), dir, SeedSpec.of(List.of("src/A.java")), 0, true);
        assertThat(onlyA.history()).containsExactly(new CoChange("src/A.java", "conf/a.yml", 3, 0.75));
        assertThat(onlyA.inStaticRadius("conf/a.yml")).isFalse();
        assertThat(onlyA.inStaticRadius("src/B.java")).isTrue();
        // the combined ranking: B by its static score (0.8 * (1 - 0.85^3) = 0.309), the config by history (0.75)
        assertThat(onlyA.combined(10)).extracting(RankedFile::path).containsExactly("conf/a.yml", "src/B.java");
        assertThat(onlyA.combined(10).get(0).staticScore()).isNull();
        assertThat(onlyA.combined(10).get(1).historyConfidence()).isNull();
        assertThat(onlyA.combined(10).get(1).score()).isCloseTo(0.8 * (1 - Math.pow(0.85, 3)), within(1e-9));
        assertThat(onlyA.combined(1)).hasSize(1);
        assertThat(service.blast(map(), dir, SeedSpec.of(List.of("src/A.java")), 0, false).history()).isEmpty();
        // the same map reuses its index
        RepoMap m = map();
        assertThat(service.radius(m)).isSameAs(service.radius(m));
    }

    @Test
    void nothingToStartFromIsBadInput() {
        TestRepo.init(dir);
        BlastService service = new BlastService();
        assertThatThrownBy(() -> service.blast(map(), dir, SeedSpec.of(List.of()), 0, false))
                .hasMessageStartingWith("nothing to start from");
        assertThatThrownBy(() -> service.blast(map(), dir, new SeedSpec(List.of(), null, null, true), 0, false))
                .hasMessage("the diff is empty: no changed file to start from");
    }
}
