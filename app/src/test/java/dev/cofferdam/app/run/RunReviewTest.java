package dev.cofferdam.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.app.cli.CofferdamCommand;
import dev.cofferdam.app.mcp.TestRepo;
import dev.cofferdam.engine.git.GitRepo;
import dev.cofferdam.engine.git.WorkTreeSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cofferdam review --run} over recorded runs, direct and clone, without a guest. */
class RunReviewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String[] review(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CofferdamCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void aCloneRunIsReviewedOnItsBranchOnceItIsBack() throws Exception {
        TestRepo repo = TestRepo.create(dir.resolve("shop"));
        String head = repo.git("rev-parse", "HEAD").strip();
        RunStore runs = new RunStore(dir.resolve("data"));
        runs.write(new RunRecord("codex-shop", "codex", repo.root().toString(), true, head, 1, 2, 0, List.of()));
        String[] missing = review("review", "--run", "codex-shop", "--data-dir", dir.resolve("data").toString());
        assertThat(missing[0]).isEqualTo("2");
        assertThat(missing[2]).contains("branch cofferdam/codex-shop is not there yet").contains("sandbox stop codex-shop");

        repo.git("checkout", "-q", "-b", "cofferdam/codex-shop");
        repo.write(TestRepo.B, "package p;\npublic class B {\n    int b() { return 0; }\n}\n");
        repo.git("commit", "-q", "-am", "agent work");
        repo.git("checkout", "-q", "main");
        String[] ok = review("review", "--run", "codex-shop", "--data-dir", dir.resolve("data").toString(),
                "--format", "json");
        assertThat(ok[0]).as(ok[2]).isEqualTo("0");
        JsonNode r = JSON.readTree(ok[1]);
        assertThat(r.path("files").findValuesAsText("path")).containsExactly(TestRepo.B);
        assertThat(r.path("change").asText()).isEqualTo("codex session in codex-shop (" + head
                + "..cofferdam/codex-shop)");
    }

    @Test
    void aDirectRunWithNoChangesAndAnUnknownRunAreClearErrors() throws Exception {
        TestRepo repo = TestRepo.create(dir.resolve("shop"));
        String base = WorkTreeSnapshot.take(GitRepo.open(repo.root()), "runs/shell-shop/base", "s");
        new RunStore(dir.resolve("data")).write(new RunRecord("shell-shop", "shell", repo.root().toString(), false,
                base, 1, 2, 0, List.of()));
        String[] none = review("review", "--run", "shell-shop", "--data-dir", dir.resolve("data").toString());
        assertThat(none[0]).isEqualTo("2");
        assertThat(none[2]).contains("the session of shell-shop changed nothing");
        String[] unknown = review("review", "--run", "nobody", "--data-dir", dir.resolve("data").toString());
        assertThat(unknown[0]).isEqualTo("2");
        assertThat(unknown[2]).contains("no session recorded for sandbox nobody");
    }
}
