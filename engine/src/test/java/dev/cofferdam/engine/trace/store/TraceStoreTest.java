package dev.cofferdam.engine.trace.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.ClaudeScript;
import dev.cofferdam.engine.trace.Fixtures;
import dev.cofferdam.engine.trace.TraceService;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.ingest.TranscriptReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceStoreTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.CLAUDE_CRUD, Fixtures.CLAUDE_TOOL_HEAVY, Fixtures.CODEX_CRUD})
    void storedSessionReadsBackEqual(String name) throws Exception {
        Path f = Fixtures.transcript(name);
        TraceSession s = TranscriptReader.read(f, ProgressListener.NONE);
        try (TraceStore store = new TraceStore(tmp.resolve("data"))) {
            store.save(f.toString(), 10, 20, s);
            assertThat(store.load(f.toString(), 10, 20)).contains(s);
            assertThat(store.load(f.toString(), 11, 20)).isEmpty();
            assertThat(store.list()).singleElement().satisfies(r -> {
                assertThat(r.calls()).isEqualTo(s.calls().size());
                assertThat(r.agent()).isEqualTo(s.agent().label());
            });
        }
        try (TraceStore reopened = new TraceStore(tmp.resolve("data"))) {
            assertThat(reopened.load(f.toString(), 10, 20)).contains(s);
        }
    }

    @Test
    void serviceParsesOnceThenLoadsUntilTheFileChanges() throws Exception {
        Path f = tmp.resolve("s.jsonl");
        Files.copy(Fixtures.transcript(Fixtures.CLAUDE_CRUD), f);
        try (TraceStore store = new TraceStore(tmp.resolve("data"))) {
            TraceService svc = new TraceService(store);
            int[] progressCalls = {0};
            TraceSession first = svc.open(f, (p, d, t) -> progressCalls[0]++);
            assertThat(progressCalls[0]).isPositive();
            progressCalls[0] = 0;
            assertThat(svc.open(f, (p, d, t) -> progressCalls[0]++)).isEqualTo(first);
            assertThat(progressCalls[0]).as("loaded from the store, not parsed").isZero();
            Files.writeString(f, new ClaudeScript("/r").prompt("more").text(), java.nio.file.StandardOpenOption.APPEND);
            Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 5000));
            TraceSession second = svc.open(f, (p, d, t) -> progressCalls[0]++);
            assertThat(progressCalls[0]).isPositive();
            assertThat(second.prompts()).hasSize(2);
        }
    }

    @Test
    void aNewSubagentFileInvalidatesTheStoredSession() throws Exception {
        Path f = tmp.resolve("abc.jsonl");
        Files.copy(Fixtures.transcript(Fixtures.CLAUDE_CRUD), f);
        try (TraceStore store = new TraceStore(tmp.resolve("data"))) {
            TraceService svc = new TraceService(store);
            assertThat(svc.open(f, ProgressListener.NONE).subagents()).isEmpty();
            Path sub = tmp.resolve("abc/subagents/agent-1.jsonl");
            Files.createDirectories(sub.getParent());
            Files.writeString(sub, new ClaudeScript("/r").prompt("sub").step(ClaudeScript.read("/r/x", "1")).text());
            assertThat(svc.open(f, ProgressListener.NONE).subagents()).singleElement()
                    .satisfies(s -> assertThat(s.calls()).hasSize(1));
        }
    }

    @Test
    void defaultDirFollowsXdg() {
        Path home = Path.of("/home/u");
        assertThat(TraceStore.defaultDir(Map.of(), home)).isEqualTo(Path.of("/home/u/.local/share/cofferdam"));
        assertThat(TraceStore.defaultDir(Map.of("XDG_DATA_HOME", "/x"), home)).isEqualTo(Path.of("/x/cofferdam"));
        assertThat(TraceStore.defaultDir(Map.of("XDG_DATA_HOME", "/x", "COFFERDAM_DATA_DIR", "/d"), home))
                .isEqualTo(Path.of("/d"));
    }
}
