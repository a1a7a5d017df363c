package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.vm.egress.EgressRecord;
import dev.cofferdam.vm.egress.SqliteEgressLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the trace commands in-process on the real transcripts, with roots and store in a temp dir. */
class TraceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path fixtures;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void locateFixtures() {
        for (Path p = Path.of("").toAbsolutePath(); p != null && fixtures == null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/fixtures/transcripts"))) {
                fixtures = p.resolve("shared/fixtures/transcripts");
            }
        }
        assumeTrue(fixtures != null, "real transcripts not found: no shared/fixtures/transcripts above the working dir");
    }

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = tmp.resolve("data").toString();
        return CofferdamCommand.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void lsFindsSessionsUnderOverriddenRoots() throws Exception {
        Path claude = tmp.resolve("claude/-Users-p-dev");
        Files.createDirectories(claude);
        Files.copy(fixtures.resolve("claude-code_2.0.14_crud.jsonl"), claude.resolve("8122657c.jsonl"));
        Path codex = tmp.resolve("codex/2026/01/25");
        Files.createDirectories(codex);
        Files.copy(fixtures.resolve("codex-cli_0.89.0_crud.rollout.jsonl"), codex.resolve("rollout-x.jsonl"));
        assertThat(run("trace", "ls", "--json", "--claude-root", tmp.resolve("claude").toString(),
                "--codex-root", tmp.resolve("codex").toString(), "--gemini-root", tmp.resolve("none").toString()))
                .isZero();
        JsonNode doc = JSON.readTree(out.toString());
        assertThat(doc.get("schema").asInt()).isEqualTo(1);
        assertThat(doc.get("sessions")).hasSize(2);
        assertThat(doc.get("sessions").findValuesAsText("agent")).containsExactlyInAnyOrder("claude-code", "codex");
    }

    @Test
    void showJsonCarriesCallsAndFileChanges() throws Exception {
        assertThat(run("trace", "show", fixtures.resolve("claude-code_2.0.14_crud.jsonl").toString(), "--json"))
                .isZero();
        JsonNode doc = JSON.readTree(out.toString());
        assertThat(doc.at("/session/calls")).hasSize(9);
        assertThat(doc.at("/session/calls/7/kind").asText()).isEqualTo("mutate-shell");
        assertThat(doc.at("/fileChanges/2/op").asText()).isEqualTo("delete");
        assertThat(doc.at("/session/apiCalls")).hasSize(10);
    }

    @Test
    void reportJsonOfADirectoryAndMarkdownOfAFile() throws Exception {
        assertThat(run("trace", "report", fixtures.toString(), "--format", "json")).isZero();
        JsonNode doc = JSON.readTree(out.toString());
        assertThat(doc.get("reports")).hasSize(3);
        assertThat(doc.get("reports").findValuesAsText("agent")).contains("codex", "claude-code");
        assertThat(doc.at("/reports/2/contextLimit").asLong()).isEqualTo(232_560);
        out.getBuffer().setLength(0);
        assertThat(run("trace", "report", fixtures.resolve("codex-cli_0.89.0_crud.rollout.jsonl").toString()))
                .isZero();
        assertThat(out.toString()).contains("# Trace report: 019bf4b5").contains("## Findings").contains("modify, delete");
    }

    @Test
    void egressExportHostsInTheSessionsTimeSpanAreListed() throws Exception {
        // the crud session ran from 2025-10-12T21:35:59Z to 21:36:35Z
        Path log = tmp.resolve("egress.jsonl");
        Files.writeString(log, "{\"host\":\"api.example\",\"decision\":\"allow\",\"time\":\"2025-10-12T21:36:00Z\"}\n"
                + "not json\n"
                + "{\"host\":\"cdn.example\",\"decision\":\"deny\",\"time\":\"2025-10-12T21:36:10Z\"}\n"
                + "{\"host\":\"api.example\",\"decision\":\"allow\",\"time\":\"2025-10-12T21:36:30Z\"}\n"
                + "{\"host\":\"later.example\",\"decision\":\"allow\",\"time\":\"2025-10-12T23:00:00Z\"}\n");
        assertThat(run("trace", "report", fixtures.resolve("claude-code_2.0.14_crud.jsonl").toString(),
                "--format", "json", "--egress-log", log.toString())).isZero();
        assertThat(JSON.readTree(out.toString()).get("hosts").toString()).isEqualTo(
                "[{\"host\":\"api.example\",\"requests\":2,\"denied\":0},"
                        + "{\"host\":\"cdn.example\",\"requests\":1,\"denied\":1}]");
    }

    @Test
    void sandboxEgressStoreIsJoinedByTime() throws Exception {
        Path data = tmp.resolve("data");
        try (SqliteEgressLog log = SqliteEgressLog.open(data)) {
            log.append(record("box", "registry.example", "allow", "2025-10-12T21:36:05Z"));
            log.append(record("box", "evil.example", "deny", "2025-10-12T21:36:20Z"));
            log.append(record("other", "x.example", "allow", "2025-10-12T21:36:20Z"));
            log.append(record("box", "before.example", "allow", "2025-10-12T20:00:00Z"));
        }
        assertThat(run("trace", "report", fixtures.resolve("claude-code_2.0.14_crud.jsonl").toString(),
                "--sandbox", "box")).isZero();
        assertThat(out.toString()).contains("## Hosts contacted\n\n- registry.example: 1 request\n"
                + "- evil.example: 1 request, 1 denied\n").doesNotContain("before.example").doesNotContain("x.example");
    }

    private static EgressRecord record(String sandbox, String host, String decision, String time) {
        return new EgressRecord(0, Instant.parse(time), sandbox, "127.0.0.1:1", "CONNECT", host, 443, "", host,
                decision, host, decision + "ed", 200, 0, 0, 0, "");
    }

    @Test
    void followPrintsCallsAsTheyAreWrittenUntilTheFileIsDeleted() throws Exception {
        List<String> lines = Files.readAllLines(fixtures.resolve("claude-code_2.0.14_crud.jsonl"));
        Path live = tmp.resolve("live.jsonl");
        Files.write(live, lines.subList(0, 7));
        int[] exit = {-1};
        Thread t = new Thread(() -> exit[0] = run("trace", "show", live.toString(), "--follow"));
        t.start();
        awaitOutput("    2     1 edit         Write          ...");
        Files.write(live, lines.subList(7, lines.size()), StandardOpenOption.APPEND);
        awaitOutput("mutate-shell Bash           ok     rm /Users/philipp");
        Files.delete(live);
        t.join(30_000);
        assertThat(exit[0]).isZero();
        String text = out.toString();
        assertThat(text).contains("-- transcript deleted");
        assertThat(text.lines().filter(l -> l.startsWith("    2     1 edit"))).containsExactly(
                "    2     1 edit         Write          ...    " + "/Users/philipp/dev/vibeinsights/fixtures/claudecode/JOKE.md",
                "    2     1 edit         Write          ok     " + "/Users/philipp/dev/vibeinsights/fixtures/claudecode/JOKE.md");
        assertThat(text.lines().filter(l -> l.startsWith("    1     0 other"))).hasSize(1);
        assertThat(text.lines().filter(l -> l.startsWith("    9     8 other        TodoWrite      ok"))).hasSize(1);
    }

    private void awaitOutput(String text) throws InterruptedException {
        for (int i = 0; i < 1500 && !out.toString().contains(text); i++) {
            Thread.sleep(20);
        }
        assertThat(out.toString()).contains(text);
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        assertThat(run("trace", "report", tmp.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("cofferdam: no such file or directory: ").hasLineCount(1);
        err.getBuffer().setLength(0);
        assertThat(run("trace", "show", "no-such-session")).isEqualTo(2);
        assertThat(err.toString()).startsWith("cofferdam: no transcript file or session matches").hasLineCount(1);
        err.getBuffer().setLength(0);
        assertThat(run("trace", "report", fixtures.toString(), "--threshold", "bogus=1")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("cofferdam: unknown threshold: bogus" + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(run("trace", "show", "x.jsonl", "--follow", "--json")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("cofferdam: --follow prints text; it cannot be combined with --json"
                + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(run("trace", "report", fixtures.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).startsWith("cofferdam: ");
    }
}
