package dev.cofferdam.engine.trace.detect;

import static dev.cofferdam.engine.trace.ClaudeScript.bash;
import static dev.cofferdam.engine.trace.ClaudeScript.edit;
import static dev.cofferdam.engine.trace.ClaudeScript.grep;
import static dev.cofferdam.engine.trace.ClaudeScript.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.ClaudeScript;
import dev.cofferdam.engine.trace.Fixtures;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.ingest.TranscriptReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThrashingDetectorTest {
    private static final Thresholds T = Thresholds.DEFAULTS;
    private static final String A = "/repo/src/A.java";

    private static List<Finding> all(TraceSession s) {
        return new TraceDetectors(null).detect(s, T);
    }

    private static List<Finding> only(TraceSession s, String id) {
        return all(s).stream().filter(f -> f.detector().equals(id)).toList();
    }

    private static ClaudeScript script() {
        return new ClaudeScript("/repo").prompt("fix A");
    }

    @Test
    void identicalRunWarnsAtThreeAndIsCriticalAtFive() {
        ClaudeScript s = script();
        for (int i = 0; i < 3; i++) {
            s.step(bash("ls src", "A.java", false));
        }
        List<Finding> f = only(s.session(), "thrashing.identical-run");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.AMBER);
        assertThat(f.get(0).seqs()).containsExactly(1, 2, 3);
        assertThat(f.get(0).thresholds()).containsEntry("warn", 3).containsEntry("critical", 5);
        s.step(bash("ls src", "A.java", false)).step(bash("ls src", "A.java", false));
        assertThat(only(s.session(), "thrashing.identical-run")).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.RED);
    }

    @Test
    void sameCallWithADifferentResultIsNotIdentical() {
        TraceSession s = script().step(bash("ls src", "A.java", false)).step(bash("ls src", "A.java B.java", false))
                .step(bash("ls src", "A.java", false)).session();
        assertThat(only(s, "thrashing.identical-run")).isEmpty();
    }

    @Test
    void productiveRunOfEditsToOneFileIsNotALoop() {
        ClaudeScript s = script().step(read(A, "v0"));
        for (int i = 0; i < 8; i++) {
            s.step(edit(A, "line" + i, "line" + i + " fixed"));
        }
        s.step(bash("mvn -q test", "BUILD SUCCESS", false));
        assertThat(all(s.session())).isEmpty();
    }

    @Test
    void sequentialReadsOfDifferentFilesAreNotALoop() {
        ClaudeScript s = script();
        for (int i = 0; i < 12; i++) {
            s.step(read("/repo/src/F" + i + ".java", "class F" + i));
        }
        assertThat(all(s.session())).isEmpty();
    }

    @Test
    void retryWithChangedArgumentsIsNotALoop() {
        TraceSession s = script().step(bash("npm tset", "Unknown command: tset", true))
                .step(bash("npm test", "ok", false)).step(grep("handleRequest", "No files found"))
                .step(grep("handle_request", "src/a.py")).session();
        assertThat(all(s)).isEmpty();
    }

    @Test
    void pingPongBetweenTwoCalls() {
        ClaudeScript s = script();
        for (int i = 0; i < 3; i++) {
            s.step(bash("git diff", "d" + i, false)).step(bash("git status", "s" + i, false));
        }
        List<Finding> f = only(s.session(), "thrashing.ping-pong");
        assertThat(f).singleElement().satisfies(x -> assertThat(x.seqs()).containsExactly(1, 2, 3, 4, 5, 6));
    }

    @Test
    void staleReReadsButNotAReadAfterAnEdit() {
        TraceSession stale = script().step(read(A, "v1")).step(read(A, "v1")).step(read(A, "v1")).session();
        assertThat(only(stale, "thrashing.stale-re-read")).singleElement()
                .satisfies(f -> assertThat(f.seqs()).containsExactly(2, 3));
        TraceSession fresh = script().step(read(A, "v1")).step(edit(A, "a", "b")).step(read(A, "v1"))
                .step(edit(A, "c", "d")).step(read(A, "v1")).session();
        assertThat(only(fresh, "thrashing.stale-re-read")).isEmpty();
        TraceSession compacted = script().step(read(A, "v1")).compact(150000).step(read(A, "v1"))
                .compact(150000).step(read(A, "v1")).session();
        assertThat(only(compacted, "thrashing.stale-re-read")).isEmpty();
    }

    @Test
    void lowNoveltyOverEightExploreSteps() {
        ClaudeScript s = script();
        for (int i = 0; i < 8; i++) {
            s.step(grep(i % 2 == 0 ? "foo" : "bar", "src/x" + i));
        }
        List<Finding> f = only(s.session(), "thrashing.low-novelty");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.seqs()).hasSize(8);
            assertThat(x.thresholds()).containsEntry("window", 8).containsEntry("min", 0.5);
        });
    }

    @Test
    void repeatedEmptySearches() {
        TraceSession s = script().step(grep("fooHandler", "No files found")).step(grep("FooHandler", "No files found"))
                .step(grep("foo_handler", "No matches found")).session();
        assertThat(only(s, "thrashing.empty-searches")).singleElement()
                .satisfies(f -> assertThat(f.seqs()).containsExactly(1, 2, 3));
    }

    @Test
    void nearIdenticalSearches() {
        TraceSession s = script().step(grep("handleRequest timeout retry", "a.py:1"))
                .step(grep("handleRequest retry timeout", "a.py:1"))
                .step(grep("timeout.*handleRequest.*retry", "a.py:1")).session();
        assertThat(only(s, "thrashing.near-identical-searches")).singleElement()
                .satisfies(f -> assertThat(f.seqs()).containsExactly(1, 2, 3));
    }

    @Test
    void errorLoopCountsStepsWithCascadesCollapsed() {
        ClaudeScript s = script();
        for (int i = 0; i < 2; i++) {
            s.step(bash("make x" + i, "make: *** No rule", true),
                    bash("ls", "<tool_use_error>Sibling tool call errored</tool_use_error>", true),
                    read(A, "<tool_use_error>Sibling tool call errored</tool_use_error>"));
        }
        TraceSession two = s.session();
        assertThat(two.calls()).filteredOn(c -> c.error()).hasSize(6);
        assertThat(two.calls()).filteredOn(c -> c.cascade()).hasSize(4);
        assertThat(two.failures()).isEqualTo(2);
        assertThat(only(two, "thrashing.error-loop")).isEmpty();
        s.step(bash("make y", "fail", true));
        assertThat(only(s.session(), "thrashing.error-loop")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.AMBER);
            assertThat(f.seqs()).containsExactly(1, 4, 7);
        });
        s.step(bash("make z", "fail", true)).step(bash("make w", "fail", true));
        assertThat(only(s.session(), "thrashing.error-loop")).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.RED);
    }

    @Test
    void editVerifyOscillationUntilAPass() {
        ClaudeScript s = script();
        for (int i = 0; i < 3; i++) {
            s.step(edit(A, "x" + i, "y" + i)).step(bash("mvn -q test", "FAIL ATest", true));
        }
        assertThat(only(s.session(), "thrashing.edit-verify-oscillation")).singleElement()
                .satisfies(f -> assertThat(f.seqs()).containsExactly(1, 2, 3, 4, 5, 6));
        TraceSession fixed = script().step(edit(A, "x", "y")).step(bash("mvn -q test", "FAIL", true))
                .step(edit(A, "y", "z")).step(bash("mvn -q test", "ok", false))
                .step(edit(A, "z", "w")).step(bash("mvn -q test", "FAIL", true)).session();
        assertThat(only(fixed, "thrashing.edit-verify-oscillation")).isEmpty();
    }

    @Test
    void revertOfAnEarlierEdit() {
        TraceSession s = script().step(edit(A, "int x = 1;", "long x = 1;")).step(edit(A, "foo", "bar"))
                .step(edit(A, "long x = 1;", "int x = 1;")).session();
        assertThat(only(s, "thrashing.revert")).singleElement()
                .satisfies(f -> assertThat(f.seqs()).containsExactly(1, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.CLAUDE_CRUD, Fixtures.CLAUDE_TOOL_HEAVY, Fixtures.CODEX_CRUD})
    void realProductiveSessionsRaiseNothing(String name) throws Exception {
        TraceSession s = TranscriptReader.read(Fixtures.transcript(name), ProgressListener.NONE);
        assertThat(all(s)).isEmpty();
    }
}
