package dev.cofferdam.app.ui.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.map.IndexedMapService;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.SessionRef;
import dev.cofferdam.engine.trace.SessionRoots;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceService;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.detect.Finding;
import dev.cofferdam.engine.trace.detect.MapNeighbourhood;
import dev.cofferdam.engine.trace.detect.Thresholds;
import dev.cofferdam.engine.trace.report.TraceReport;
import dev.cofferdam.engine.trace.report.TraceReporter;
import dev.cofferdam.app.ui.trace.TraceLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled sample session, written beside a really replayed sample and read by the real parser. */
class SampleSessionTest {
    @TempDir
    Path dir;

    @Test
    void sessionIsWrittenBesideTheSampleAndParsesWhole() throws Exception {
        Path sample = new SampleRepository(dir.resolve("data/cofferdam/sample")).ensure();
        Path file = SampleRepository.sessionFile(sample);
        assertThat(file).isEqualTo(dir.resolve("data/cofferdam/sample-session/session.jsonl"));
        assertThat(file).content().doesNotContain(SampleRepository.PLACEHOLDER);

        TraceSession s = new TraceService(null).open(file, ProgressListener.NONE);
        assertThat(s.skipped()).isEmpty();
        assertThat(s.cwd()).isEqualTo(sample.toAbsolutePath().toString());
        assertThat(s.prompts()).containsExactly("Add a 10% loyalty discount to PricingRules and cover it with a test");
        assertThat(s.calls()).hasSize(14);
        assertThat(s.calls().stream().map(ToolCall::tool).toList()).containsExactly("Glob", "Grep", "Read", "Read",
                "Read", "Read", "Edit", "Edit", "Write", "Bash", "Edit", "Edit", "Edit", "Bash");
        assertThat(s.calls().stream().filter(c -> c.kind() == CallKind.VERIFY && c.error()).count()).isEqualTo(1);
        // every file the agent touches exists in the sample
        for (ToolCall c : s.calls()) {
            if (c.tool().equals("Read") || c.tool().equals("Edit")) {
                assertThat(c.targets()).allSatisfy(t -> assertThat(Path.of(t)).exists());
            }
        }
    }

    @Test
    void detectorsFlagTheReReadsAndTheEditOutsideTheNeighbourhood() throws Exception {
        Path sample = new SampleRepository(dir.resolve("sample")).ensure();
        TraceSession s = new TraceService(null).open(SampleRepository.sessionFile(sample), ProgressListener.NONE);
        IndexedMapService maps = new IndexedMapService(dir.resolve("cache"));
        RepoMap map = maps.map(sample, ProgressListener.NONE);
        maps.flush();
        TraceReport r = TraceReporter.report(s, Thresholds.DEFAULTS, new MapNeighbourhood(map), null);
        List<Finding> f = r.findings();
        assertThat(f).filteredOn(x -> x.detector().equals("thrashing.stale-re-read"))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("PricingRules.java"));
        assertThat(f).filteredOn(x -> x.detector().equals("wrong-file.edit"))
                .extracting(Finding::message)
                .containsExactly("edited web/src/main/java/dev/shop/web/WebServer.java: "
                        + "outside the task's neighbourhood and never read before editing");
        assertThat(r.seeds()).contains("core/src/main/java/dev/shop/core/PricingRules.java");
    }

    @Test
    void libraryListsTheSampleSessionOnceTheSampleExists() throws Exception {
        Path sample = dir.resolve("data/sample");
        SessionRoots roots = new SessionRoots(dir.resolve("claude"), dir.resolve("codex"), dir.resolve("gemini"));
        TraceLibrary lib = new TraceLibrary(roots, dir.resolve("data"), false, SampleRepository.sessionFile(sample));
        assertThat(lib.sessions()).isEmpty();

        new SampleRepository(sample).ensure();
        List<SessionRef> refs = lib.sessions();
        assertThat(refs).extracting(SessionRef::path)
                .containsExactly(SampleRepository.sessionFile(sample).toAbsolutePath().toString());
        assertThat(Files.size(Path.of(refs.get(0).path()))).isEqualTo(refs.get(0).size());
    }
}
