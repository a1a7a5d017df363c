package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.app.mcp.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cofferdam review} on a real git repository: diff counts, blast radius, tests, owners, trace. */
class ReviewCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonNode file(JsonNode review, String path) {
        for (JsonNode f : review.path("files")) {
            if (f.path("path").asText().equals(path)) {
                return f;
            }
        }
        throw new AssertionError("no " + path + " in " + review.path("files"));
    }

    @Test
    void aCommitRangeGivesFilesBlastTestsAndOwners() throws Exception {
        Path root = TestRepo.create(tmp.resolve("repo")).root();
        Cli json = Cli.run("review", root.toString(), "--git", "HEAD~1..HEAD", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode r = JSON.readTree(json.out());
        assertThat(r.path("schema").asInt()).isEqualTo(1);
        assertThat(r.path("change").asText()).isEqualTo("HEAD~1..HEAD");
        JsonNode c = file(r, TestRepo.C);
        assertThat(c.path("change").asText()).isEqualTo("modified");
        assertThat(c.path("added").asInt()).isEqualTo(2);
        assertThat(c.path("deleted").asInt()).isEqualTo(1);
        assertThat(r.path("totals").path("files").asInt()).isEqualTo(1);
        assertThat(r.path("tests").toString()).contains(TestRepo.C_TEST);
        assertThat(r.path("owners").toString()).contains("@core-team");
        JsonNode blast = JSON.readTree(Cli.run("blast", root.toString(), "--git", "HEAD~1..HEAD").out());
        assertThat(r.path("blast")).isEqualTo(blast);
        assertThat(r.get("trace").isNull()).isTrue();

        Cli md = Cli.run("review", root.toString(), "--git", "HEAD~1..HEAD");
        assertThat(md.exit()).isZero();
        assertThat(md.out()).startsWith("# Review of HEAD~1..HEAD\n")
                .contains("| `" + TestRepo.C + "` | modified | 2 | 1 |")
                .contains("## Blast radius").contains("### Tests to run").contains("### Owners to notify")
                .contains(TestRepo.B).contains(TestRepo.A);
    }

    @Test
    void theWorkingTreeCountsUntrackedFiles() throws Exception {
        TestRepo repo = TestRepo.create(tmp.resolve("repo"));
        repo.write(TestRepo.B, "package p;\npublic class B {\n    C c = new C();\n}\n");
        repo.write("src/main/java/p/D.java", "package p;\npublic class D {\n    B b;\n}\n");
        Cli json = Cli.run("review", repo.root().toString(), "--working-tree", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode r = JSON.readTree(json.out());
        assertThat(r.path("change").asText()).isEqualTo("working tree");
        JsonNode b = file(r, TestRepo.B);
        assertThat(b.path("added").asInt()).isZero();
        assertThat(b.path("deleted").asInt()).isEqualTo(1);
        JsonNode d = file(r, "src/main/java/p/D.java");
        assertThat(d.path("change").asText()).isEqualTo("untracked");
        assertThat(d.path("added").asInt()).isEqualTo(4);
        List<String> impacted = new ArrayList<>();
        r.path("blast").path("impacted").forEach(i -> impacted.add(i.path("path").asText()));
        assertThat(impacted).contains(TestRepo.A);
    }

    @Test
    void badInputIsOneLine() throws Exception {
        Path root = TestRepo.create(tmp.resolve("repo")).root();
        Cli none = Cli.run("review", root.toString());
        assertThat(none.exit()).isEqualTo(2);
        Cli both = Cli.run("review", root.toString(), "--git", "HEAD~1", "--working-tree");
        assertThat(both.exit()).isEqualTo(2);
        Cli badRev = Cli.run("review", root.toString(), "--git", "nope..HEAD");
        assertThat(badRev.exit()).isEqualTo(2);
        assertThat(badRev.err().strip()).startsWith("cofferdam: ").contains("unknown revision 'nope'").doesNotContain("\n");
        Cli clean = Cli.run("review", root.toString(), "--working-tree");
        assertThat(clean.exit()).isEqualTo(2);
        assertThat(clean.err()).contains("empty");
        Cli noTrace = Cli.run("review", root.toString(), "--git", "HEAD~1", "--trace", tmp.resolve("none.jsonl").toString());
        assertThat(noTrace.exit()).isEqualTo(2);
        assertThat(noTrace.err()).contains("no such transcript");
    }

    @Test
    void aTranscriptAddsTheTraceFindings() throws Exception {
        Path fixtures = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/fixtures/transcripts"))) {
                fixtures = p.resolve("shared/fixtures/transcripts");
                break;
            }
        }
        assumeTrue(fixtures != null, "real transcripts not found: no shared/fixtures/transcripts above the working dir");
        Path root = TestRepo.create(tmp.resolve("repo")).root();
        Path transcript = fixtures.resolve("claude-code_2.1.38_tool_heavy.jsonl");
        String data = tmp.resolve("data").toString();
        Cli json = Cli.run("review", root.toString(), "--git", "HEAD~1", "--trace", transcript.toString(),
                "--data-dir", data, "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode trace = JSON.readTree(json.out()).path("trace");
        assertThat(trace.path("findings").isArray()).isTrue();
        assertThat(trace.path("session").path("calls").asInt()).isPositive();
        Cli md = Cli.run("review", root.toString(), "--git", "HEAD~1", "--trace", transcript.toString(), "--data-dir", data);
        assertThat(md.out()).contains("## Trace report: ").contains("### Findings");
    }
}
