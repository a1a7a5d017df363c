package dev.cofferdam.app.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.TestMaps;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.trace.AgentKind;
import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.SessionRef;
import dev.cofferdam.engine.trace.SessionRoots;
import dev.cofferdam.engine.trace.detect.Finding;
import dev.cofferdam.engine.trace.detect.Severity;
import dev.cofferdam.engine.trace.report.HostContact;
import dev.cofferdam.vm.egress.EgressRecord;
import dev.cofferdam.vm.egress.SqliteEgressLog;
import java.nio.file.Files;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Trace view model without a toolkit: direct executors, real transcripts, the real parser. */
class TraceViewModelTest {
    @TempDir
    Path dir;
    private RepoMap map;

    private TraceViewModel vm() {
        TraceLibrary lib = new TraceLibrary(new SessionRoots(dir.resolve("claude"), dir.resolve("codex"),
                dir.resolve("gemini")), dir.resolve("data"), false);
        return new TraceViewModel(UiThreads.direct(), lib, () -> map);
    }

    @Test
    void realTranscriptGivesItsNineCallsWithInputAndResult() {
        TraceViewModel vm = vm();
        vm.open(Transcripts.fixture("claude-code_2.0.14_crud.jsonl"));
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.calls()).hasSize(9);
        assertThat(vm.analysisProperty().get().timeline()).isNotEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        int edit = vm.calls().stream().filter(c -> c.kind() == CallKind.EDIT).findFirst().orElseThrow().seq();
        vm.select(edit);
        CallDetail d = vm.detailProperty().get();
        assertThat(d.call().seq()).isEqualTo(edit);
        assertThat(d.input()).contains("file_path").contains("JOKE.md");
        assertThat(d.result()).isNotEmpty();
    }

    @Test
    void findingSelectsItsFirstCall() {
        Path t = dir.resolve("thrash.jsonl");
        Transcripts.thrashing(t);
        TraceViewModel vm = vm();
        vm.open(t);
        List<Finding> findings = vm.analysisProperty().get().report().findings();
        Finding run = findings.stream().filter(f -> f.detector().equals("thrashing.identical-run")).findFirst()
                .orElseThrow();
        assertThat(run.severity()).isEqualTo(Severity.AMBER);
        vm.selectFinding(run);
        assertThat(vm.selectedSeqProperty().get()).isEqualTo(2);
        assertThat(vm.detailProperty().get().input()).contains("ls src");
        assertThat(vm.detailProperty().get().result()).isEqualTo("A.java");
    }

    @Test
    void parallelCallsAreGroupedUnderTheirStep() {
        Path t = dir.resolve("parallel.jsonl");
        String a = Transcripts.call("/w", "p1", "Read", "{\"file_path\":\"/w/A.java\"}", "a", false).split("\n")[0];
        String b = Transcripts.call("/w", "p2", "Read", "{\"file_path\":\"/w/B.java\"}", "b", false).split("\n")[0]
                .replace("msg_p2", "msg_p1");
        Transcripts.append(t, Transcripts.prompt("/w", "read both"), a, b,
                Transcripts.call("/w", "p1", "Read", "{}", "a", false).split("\n")[1],
                Transcripts.call("/w", "p2", "Read", "{}", "b", false).split("\n")[1],
                Transcripts.call("/w", "p3", "Bash", "{\"command\":\"mvn test\"}", "ok", false));
        TraceViewModel vm = vm();
        vm.open(t);
        List<TimelineRow> rows = vm.analysisProperty().get().timeline();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).label()).contains("2 parallel calls");
        assertThat(rows.get(0).children()).extracting(TimelineRow::seq).containsExactly(1, 2);
        assertThat(rows.get(1).seq()).isEqualTo(3);
    }

    @Test
    void subagentCallsAreNestedAndTheirInputIsReadFromTheirOwnFile() throws Exception {
        Path main = dir.resolve("main.jsonl");
        Transcripts.append(main, Transcripts.prompt("/w", "delegate"),
                Transcripts.call("/w", "m1", "Task", "{\"prompt\":\"find usages\"}", "done", false));
        Path subs = dir.resolve("main/subagents");
        Files.createDirectories(subs);
        Transcripts.append(subs.resolve("agent-a.jsonl"),
                Transcripts.call("/w", "s1", "Grep", "{\"pattern\":\"usages of Foo\"}", "Foo.java", false));
        TraceViewModel vm = vm();
        vm.open(main);
        List<TimelineRow> rows = vm.analysisProperty().get().timeline();
        assertThat(rows).hasSize(2);
        TimelineRow sub = rows.get(1);
        assertThat(sub.label()).startsWith("Sub-agent");
        assertThat(sub.children()).singleElement().satisfies(r -> {
            assertThat(r.subagent()).isTrue();
            assertThat(r.seq()).isZero();
            assertThat(r.call().tool()).isEqualTo("Grep");
        });
        vm.select(sub.children().get(0).call());
        assertThat(vm.selectedSeqProperty().get()).isZero();
        assertThat(vm.detailProperty().get().input()).contains("usages of Foo");
        assertThat(vm.detailProperty().get().result()).isEqualTo("Foo.java");
    }

    @Test
    void overlayLinesUpPredictionAndEditsOutsideTheNeighbourhood() {
        Path root = dir.resolve("shop");
        map = TestMaps.shop(root);
        String cwd = map.root();
        Path t = dir.resolve("edits.jsonl");
        Transcripts.append(t, Transcripts.prompt(cwd, "fix rounding in " + TestMaps.ORDER),
                Transcripts.call(cwd, "e1", "Read", "{\"file_path\":\"" + cwd + "/" + TestMaps.ORDER + "\"}", "x", false),
                Transcripts.call(cwd, "e2", "Edit", "{\"file_path\":\"" + cwd + "/" + TestMaps.ORDER
                        + "\",\"old_string\":\"a\",\"new_string\":\"b\"}", "ok", false),
                Transcripts.call(cwd, "e3", "Write", "{\"file_path\":\"/elsewhere/notes.txt\",\"content\":\"x\"}",
                        "ok", false));
        TraceViewModel vm = vm();
        vm.open(t);
        MapOverlay o = vm.analysisProperty().get().overlay();
        assertThat(o.mapped()).isTrue();
        assertThat(o.predicted()).contains(TestMaps.ORDER, TestMaps.ORDER_LINE);
        assertThat(o.read()).containsExactly(cwd + "/" + TestMaps.ORDER);
        assertThat(o.edited()).containsExactly(cwd + "/" + TestMaps.ORDER, "/elsewhere/notes.txt");
        assertThat(o.outside()).containsExactly("/elsewhere/notes.txt");
        assertThat(o.hosts()).isNull();
        vm.select(2);
        assertThat(vm.detailProperty().get().diffs()).singleElement()
                .satisfies(e -> assertThat(e.diff()).contains("-a").contains("+b"));
    }

    @Test
    void hostsOfTheNamedSandboxAreJoinedFromItsEgressLog() throws Exception {
        Path t = dir.resolve("thrash.jsonl");
        Transcripts.thrashing(t);
        try (SqliteEgressLog log = SqliteEgressLog.open(dir.resolve("data"))) {
            Instant during = Instant.parse("2026-01-01T00:00:00Z");
            log.append(egress(during, "box", "repo.example", "allow"));
            log.append(egress(during, "box", "evil.example", "deny"));
            log.append(egress(during, "other", "elsewhere.example", "allow"));
            log.append(egress(during.plusSeconds(3600), "box", "later.example", "allow"));
        }
        TraceViewModel vm = vm();
        vm.open(t);
        assertThat(vm.analysisProperty().get().overlay().hosts()).isNull();
        vm.sandboxProperty().set("box");
        vm.open(t);
        assertThat(vm.analysisProperty().get().overlay().hosts())
                .containsExactly(new HostContact("repo.example", 1, 0), new HostContact("evil.example", 1, 1));
    }

    private static EgressRecord egress(Instant time, String sandbox, String host, String decision) {
        return new EgressRecord(0, time, sandbox, "10.0.2.15", "CONNECT", host, 443, "", host, decision, "test",
                "test", 0, 0, 0, 0, "");
    }

    @Test
    void badFileGivesOneLineErrorAndKeepsWhatWasShown() throws Exception {
        TraceViewModel vm = vm();
        vm.open(Transcripts.fixture("claude-code_2.0.14_crud.jsonl"));
        vm.open(dir.resolve("missing.jsonl"));
        assertThat(vm.errorProperty().get()).contains("missing.jsonl").doesNotContain("\n");
        assertThat(vm.calls()).hasSize(9);
        assertThat(vm.fileProperty().get()).as("the file shown stays the one to follow")
                .isEqualTo(Transcripts.fixture("claude-code_2.0.14_crud.jsonl"));
    }

    @Test
    void sessionListIncludesReceivedSessions() throws Exception {
        Path received = dir.resolve("data/received");
        Files.createDirectories(received);
        Transcripts.thrashing(received.resolve("s-1.jsonl"));
        TraceViewModel vm = vm();
        vm.refreshSessions();
        assertThat(vm.sessions()).extracting(SessionRef::path).containsExactly(received.resolve("s-1.jsonl").toString());
        assertThat(vm.sessions().get(0).agent()).isEqualTo(AgentKind.CLAUDE_CODE);
        assertThat(vm.analysisProperty().get()).as("a session of the user's own is not opened unasked").isNull();
    }

    @Test
    void theSampleSessionAloneIsOpenedForANewcomer() throws Exception {
        Path sample = dir.resolve("sample-session/session.jsonl");
        Files.createDirectories(sample.getParent());
        Transcripts.thrashing(sample);
        TraceLibrary lib = new TraceLibrary(new SessionRoots(dir.resolve("claude"), dir.resolve("codex"),
                dir.resolve("gemini")), dir.resolve("data"), false, sample);
        TraceViewModel vm = new TraceViewModel(UiThreads.direct(), lib, () -> map);
        vm.refreshSessions();
        assertThat(vm.sessions()).hasSize(1);
        assertThat(vm.analysisProperty().get()).isNotNull();
        assertThat(vm.calls()).isNotEmpty();
    }

    @Test
    void sampleSessionIsLabelledAsSuch() {
        SessionRef sample = new SessionRef(dir.resolve("sample-session/session.jsonl").toString(),
                AgentKind.CLAUDE_CODE, 2048, 0);
        SessionRef other = new SessionRef(dir.resolve("proj/session.jsonl").toString(), AgentKind.CLAUDE_CODE, 2048, 0);
        // TraceToolbar.describe shows the first as "Sample session (shop)" (not called here: it loads JavaFX controls)
        assertThat(TraceLibrary.isSample(sample)).isTrue();
        assertThat(TraceLibrary.isSample(other)).isFalse();
    }
}
