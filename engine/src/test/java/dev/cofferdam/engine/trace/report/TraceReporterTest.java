package dev.cofferdam.engine.trace.report;

import static dev.cofferdam.engine.trace.ClaudeScript.edit;
import static dev.cofferdam.engine.trace.ClaudeScript.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import dev.cofferdam.engine.trace.ClaudeScript;
import dev.cofferdam.engine.trace.Fixtures;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.detect.MapNeighbourhood;
import dev.cofferdam.engine.trace.detect.Thresholds;
import dev.cofferdam.engine.trace.ingest.TranscriptReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceReporterTest {
    @Test
    void realSessionReportHasFilesAndCurveButNoFindings() throws Exception {
        TraceSession s = TranscriptReader.read(Fixtures.transcript(Fixtures.CLAUDE_CRUD), ProgressListener.NONE);
        TraceReport r = TraceReporter.report(s, Thresholds.DEFAULTS, null, null);
        assertThat(r.findings()).isEmpty();
        assertThat(r.files()).singleElement().satisfies(f -> {
            assertThat(f.reads()).containsExactly(4);
            assertThat(f.changes()).containsExactly(2, 6, 8);
            assertThat(f.ops()).containsExactly("create", "modify", "delete");
            assertThat(f.inside()).isNull();
        });
        assertThat(r.context()).hasSize(10);
        assertThat(r.context().get(9).tokens()).isEqualTo(17_895);
        assertThat(r.seeds()).isNull();
        assertThat(r.hosts()).isNull();
        String md = MarkdownReport.render(r);
        assertThat(md).contains("9 tool calls").contains("| `" + f(s) + "` | 4 | 2 6 8 | create, modify, delete |");
    }

    private static String f(TraceSession s) {
        return s.fileChanges().get(0).path();
    }

    @Test
    void withAMapFilesAreJudgedAgainstTheNeighbourhood() {
        MapNeighbourhood map = new MapNeighbourhood(new RepoMap("/repo", List.of(),
                List.of(src("a/A.java"), src("a/B.java"), src("z/Z.java")), List.of(),
                List.of(new Edge("a/A.java", "a/B.java", EdgeKind.IMPORT, 1)), List.of(), List.of(), List.of()));
        TraceSession s = new ClaudeScript("/repo").prompt("change A.java").step(read("/repo/a/B.java", "b"))
                .step(edit("/repo/a/A.java", "x", "y")).step(edit("/repo/z/Z.java", "p", "q")).session();
        TraceReport r = TraceReporter.report(s, Thresholds.DEFAULTS, map,
                List.of(new HostContact("api.example", 3, 1)));
        assertThat(r.seeds()).containsExactly("a/A.java", "a/B.java");
        assertThat(r.files()).extracting(FileTouch::path, FileTouch::inside).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/repo/a/B.java", true),
                org.assertj.core.groups.Tuple.tuple("/repo/a/A.java", true),
                org.assertj.core.groups.Tuple.tuple("/repo/z/Z.java", false));
        assertThat(r.findings()).extracting(x -> x.detector()).containsExactly("wrong-file.edit");
        assertThat(r.hosts()).containsExactly(new HostContact("api.example", 3, 1));
        assertThat(MarkdownReport.render(r)).contains("## Hosts contacted").contains("- api.example: 3 requests, 1 denied").contains("| **no** |");
    }

    private static SourceFile src(String p) {
        return new SourceFile(p, "m", "java", 1, false, false, List.of(), List.of());
    }
}
