package dev.cofferdam.engine.trace.detect;

import static dev.cofferdam.engine.trace.ClaudeScript.bash;
import static dev.cofferdam.engine.trace.ClaudeScript.edit;
import static dev.cofferdam.engine.trace.ClaudeScript.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import dev.cofferdam.engine.trace.ClaudeScript;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A chain A -> B -> C -> D, an isolated E, a test of A and a generated file. */
class WrongFileDetectorTest {
    private static final String R = "/repo/";
    private static final MapNeighbourhood MAP = new MapNeighbourhood(new RepoMap("/repo", List.of(),
            List.of(file("src/A.java", false, false), file("src/B.java", false, false), file("src/C.java", false, false),
                    file("src/D.java", false, false), file("src/E.java", false, false),
                    file("test/ATest.java", true, false), file("gen/G.java", false, true)),
            List.of(), List.of(edge("src/A.java", "src/B.java"), edge("src/B.java", "src/C.java"),
                    edge("src/C.java", "src/D.java"), edge("test/ATest.java", "src/A.java")),
            List.of(), List.of(), List.of()));

    private static SourceFile file(String path, boolean test, boolean generated) {
        return new SourceFile(path, "m", "java", 10, test, generated, List.of(), List.of());
    }

    private static Edge edge(String from, String to) {
        return new Edge(from, to, EdgeKind.IMPORT, 1);
    }

    private static List<Finding> detect(TraceSession s) {
        return new WrongFileDetector(MAP).detect(s, Thresholds.DEFAULTS);
    }

    @Test
    void seedsFromThePromptReachTwoHopsAndTests() {
        assertThat(Seeds.of(new ClaudeScript("/repo").prompt("fix the NPE in `A.java` please").session(), MAP).files())
                .containsExactly("src/A.java");
        assertThat(MAP.around(List.of("src/A.java"), 2)).containsExactlyInAnyOrder(
                "src/A.java", "src/B.java", "src/C.java", "test/ATest.java");
    }

    @Test
    void editsInsideTheNeighbourhoodRaiseNothingHoweverMany() {
        ClaudeScript s = new ClaudeScript("/repo").prompt("fix the NPE in src/A.java");
        for (int i = 0; i < 6; i++) {
            s.step(edit(R + "src/A.java", "a" + i, "b" + i));
        }
        s.step(read(R + "src/C.java", "c")).step(edit(R + "src/C.java", "c", "d"))
                .step(edit(R + "test/ATest.java", "t", "u")).step(new ClaudeScript.Call("Write",
                        ClaudeScript.args("file_path", R + "src/Helper.java", "content", "class Helper {}"), "ok", false));
        assertThat(detect(s.session())).isEmpty();
    }

    @Test
    void editsOutsideAreAmberOrRedAndPrecisionIsFlagged() {
        TraceSession s = new ClaudeScript("/repo").prompt("fix the NPE in src/A.java")
                .step(edit(R + "src/A.java", "a", "b")).step(edit(R + "src/A.java", "b", "c"))
                .step(read(R + "src/D.java", "d"))
                .step(edit(R + "src/D.java", "d", "e"))
                .step(edit(R + "src/E.java", "e", "f"))
                .step(bash("echo 127.0.0.1 x >> /etc/hosts", "", false))
                .step(edit(R + "gen/G.java", "g", "h")).session();
        Map<String, Severity> bySeq = detect(s).stream().filter(f -> f.detector().equals("wrong-file.edit"))
                .collect(Collectors.toMap(Finding::message, Finding::severity));
        assertThat(bySeq).containsOnly(
                Map.entry("edited src/D.java: outside the task's neighbourhood", Severity.AMBER),
                Map.entry("edited src/E.java: outside the task's neighbourhood and never read before editing",
                        Severity.RED),
                Map.entry("edited /etc/hosts: outside the workspace", Severity.RED),
                Map.entry("edited gen/G.java: generated or vendored", Severity.RED));
        assertThat(detect(s)).filteredOn(f -> f.detector().equals("wrong-file.precision")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).startsWith("edit precision 0.20: 1 of 5");
                    assertThat(f.thresholds()).containsEntry("precisionMin", 0.6).containsEntry("hops", 2);
                });
    }

    @Test
    void seedsFromReadsBeforeTheFirstEditAndFromFailingTests() {
        TraceSession s = new ClaudeScript("/repo").prompt("make the build green")
                .step(read(R + "src/E.java", "e"))
                .step(bash("mvn -q test", "[ERROR] DTest: expected 1 at src/D.java:12", true))
                .step(edit(R + "src/E.java", "e", "f")).step(edit(R + "src/B.java", "b", "c")).session();
        assertThat(Seeds.of(s, MAP).files()).containsExactlyInAnyOrder("src/E.java", "src/D.java");
        assertThat(detect(s)).isEmpty();
        TraceSession late = new ClaudeScript("/repo").prompt("make the build green")
                .step(edit(R + "src/A.java", "a", "b")).step(read(R + "src/E.java", "e")).session();
        assertThat(Seeds.of(late, MAP).files()).isEmpty();
        assertThat(detect(late)).isEmpty();
    }

    @Test
    void aSessionRecordedElsewhereMapsOntoTheRoot() {
        TraceSession s = new ClaudeScript("/workspace").prompt("fix src/A.java")
                .step(edit("/workspace/src/A.java", "a", "b")).step(edit("/workspace/src/E.java", "e", "f"))
                .step(edit("/etc/motd", "x", "y")).session();
        assertThat(MAP.relativize("/workspace/src/A.java", "/workspace")).isEqualTo("src/A.java");
        assertThat(MAP.relativize("/repo/src/A.java", "/workspace")).isEqualTo("src/A.java");
        assertThat(MAP.relativize("/repo/src/A.java", "/repo/src")).isEqualTo("src/A.java");
        assertThat(MAP.relativize("/etc/motd", "/workspace")).isNull();
        assertThat(detect(s)).filteredOn(f -> f.detector().equals("wrong-file.edit")).extracting(Finding::message)
                .containsExactly("edited src/E.java: outside the task's neighbourhood and never read before editing",
                        "edited /etc/motd: outside the workspace");
    }
}
