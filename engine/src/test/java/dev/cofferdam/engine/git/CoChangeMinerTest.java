package dev.cofferdam.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoChangeMinerTest {
    @Test
    void supportAndConfidenceFromRealHistory(@TempDir Path dir) throws Exception {
        TestRepo repo = TestRepo.init(dir);
        repo.lines("a.txt", 1, "0").lines("b.txt", 1, "0").lines("c.txt", 1, "0").lines("d.txt", 1, "0").commit("all");
        // a changes 4 times: 3 times with b, once with c; d never with a
        for (int i = 1; i <= 3; i++) {
            repo.lines("a.txt", 1, "a" + i).lines("b.txt", 1, "b" + i).commit("a+b " + i);
        }
        repo.lines("a.txt", 1, "a4").lines("c.txt", 1, "c4").commit("a+c");
        repo.lines("d.txt", 1, "d5").lines("c.txt", 1, "c5").commit("c+d");
        // a huge commit says nothing about coupling
        for (int i = 0; i < CoChangeMiner.MAX_TRANSACTION + 1; i++) {
            repo.lines("bulk/f" + i + ".txt", 1, "x");
        }
        repo.lines("a.txt", 1, "bulk").lines("d.txt", 1, "bulk").commit("bulk");

        CoChangeMiner miner = CoChangeMiner.read(GitRepo.open(dir));
        // the first commit (4 files) counts; the bulk commit does not
        assertThat(miner.transactions()).isEqualTo(6);
        List<CoChange> rules = miner.coupledWith(List.of("a.txt"), 1, 0.0, 10);
        // a appears in 5 transactions: "all" + 3 with b + 1 with c
        assertThat(rules).containsExactly(
                new CoChange("a.txt", "b.txt", 4, 4 / 5.0),
                new CoChange("a.txt", "c.txt", 2, 2 / 5.0),
                new CoChange("a.txt", "d.txt", 1, 1 / 5.0));
        assertThat(miner.coupledWith(List.of("a.txt"), 2, 0.5, 10)).extracting(CoChange::path).containsExactly("b.txt");
    }

    @Test
    void emptyRepositoryHasNoHistory(@TempDir Path dir) throws Exception {
        TestRepo.init(dir);
        assertThat(CoChangeMiner.read(GitRepo.open(dir)).coupledWith(List.of("a"), 1, 0, 5)).isEmpty();
    }
}
