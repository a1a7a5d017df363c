package dev.cofferdam.engine.trace.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.ClaudeScript;
import dev.cofferdam.engine.trace.Fixtures;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.detect.Thresholds;
import dev.cofferdam.engine.trace.detect.TraceDetectors;
import dev.cofferdam.engine.trace.ingest.TranscriptReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TranscriptTailerTest {
    @TempDir
    Path tmp;

    /** Records what the tailer reports. */
    static final class Recorder implements TailListener {
        final List<ToolCall> changed = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        TraceSession last;

        @Override
        public void updated(TraceSession session, List<ToolCall> calls) {
            last = session;
            changed.addAll(calls);
        }

        @Override
        public void reset(String reason) {
            events.add("reset:" + reason);
        }

        @Override
        public void gone() {
            events.add("gone");
        }
    }

    private static List<byte[]> lines(Path f) throws Exception {
        byte[] all = Files.readAllBytes(f);
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(all, start, i + 1));
                start = i + 1;
            }
        }
        return out;
    }

    private static void append(Path f, byte[] b) throws Exception {
        try (OutputStream o = Files.newOutputStream(f, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            o.write(b);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.CLAUDE_CRUD, Fixtures.CLAUDE_TOOL_HEAVY, Fixtures.CODEX_CRUD})
    void tailingLineByLineEqualsReplay(String name) throws Exception {
        Path src = Fixtures.transcript(name);
        Path live = tmp.resolve(name);
        Recorder rec = new Recorder();
        TranscriptTailer tailer = new TranscriptTailer(live, rec, Duration.ofMillis(10));
        for (byte[] line : lines(src)) {
            int half = line.length / 2;
            append(live, java.util.Arrays.copyOf(line, half));
            tailer.poll();
            append(live, java.util.Arrays.copyOfRange(line, half, line.length));
            tailer.poll();
        }
        TraceSession replay = TranscriptReader.read(live, ProgressListener.NONE);
        assertThat(tailer.snapshot()).isEqualTo(replay);
        assertThat(rec.last).isEqualTo(replay);
        TraceDetectors detectors = new TraceDetectors(null);
        assertThat(detectors.detect(tailer.snapshot(), Thresholds.DEFAULTS))
                .isEqualTo(detectors.detect(replay, Thresholds.DEFAULTS));
        // every call was delivered once when issued, and again when its result arrived
        assertThat(rec.changed.stream().map(ToolCall::seq).distinct()).hasSize(replay.calls().size());
        assertThat(rec.events).isEmpty();
    }

    @Test
    void subagentFilesAreFollowedToo() throws Exception {
        Path live = tmp.resolve("abc.jsonl");
        Files.copy(Fixtures.transcript(Fixtures.CLAUDE_CRUD), live);
        Recorder rec = new Recorder();
        TranscriptTailer tailer = new TranscriptTailer(live, rec, Duration.ofMillis(10));
        tailer.poll();
        assertThat(tailer.snapshot().subagents()).isEmpty();
        Path sub = tmp.resolve("abc/subagents/agent-7.jsonl");
        Files.createDirectories(sub.getParent());
        ClaudeScript script = new ClaudeScript("/w").prompt("explore").step(ClaudeScript.read("/w/a", "x"));
        append(sub, script.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        tailer.poll();
        assertThat(tailer.snapshot().subagents()).singleElement()
                .satisfies(s -> assertThat(s.calls()).hasSize(1));
        assertThat(tailer.snapshot()).isEqualTo(TranscriptReader.read(live, ProgressListener.NONE));
    }

    @Test
    void truncatedFileIsReadAgainFromTheStart() throws Exception {
        Path live = tmp.resolve("s.jsonl");
        Files.copy(Fixtures.transcript(Fixtures.CLAUDE_CRUD), live);
        Recorder rec = new Recorder();
        TranscriptTailer tailer = new TranscriptTailer(live, rec, Duration.ofMillis(10));
        tailer.poll();
        assertThat(tailer.snapshot().calls()).hasSize(9);
        List<byte[]> lines = lines(live);
        Files.write(live, new byte[0]);
        for (int i = 0; i < 7; i++) {
            append(live, lines.get(i));
        }
        tailer.poll();
        assertThat(rec.events).containsExactly("reset:truncated");
        assertThat(tailer.snapshot()).isEqualTo(TranscriptReader.read(live, ProgressListener.NONE));
        assertThat(tailer.snapshot().calls()).hasSize(2);
    }

    @Test
    void deletedFileIsReportedOnceAndPickedUpWhenItReturns() throws Exception {
        Path live = tmp.resolve("s.jsonl");
        Files.copy(Fixtures.transcript(Fixtures.CODEX_CRUD), live);
        Recorder rec = new Recorder();
        TranscriptTailer tailer = new TranscriptTailer(live, rec, Duration.ofMillis(10));
        tailer.poll();
        Files.delete(live);
        tailer.poll();
        tailer.poll();
        assertThat(rec.events).containsExactly("gone");
        assertThat(tailer.snapshot().calls()).hasSize(4);
        Files.copy(Fixtures.transcript(Fixtures.CLAUDE_CRUD), live);
        tailer.poll();
        assertThat(rec.events).containsExactly("gone", "reset:replaced");
        assertThat(tailer.snapshot().calls()).hasSize(9);
    }

    @Test
    void startedTailerDeliversAnAppendedCall() throws Exception {
        Path live = tmp.resolve("s.jsonl");
        List<byte[]> lines = lines(Fixtures.transcript(Fixtures.CLAUDE_CRUD));
        for (int i = 0; i < 3; i++) {
            append(live, lines.get(i));
        }
        CountDownLatch write = new CountDownLatch(1);
        List<String> tools = new ArrayList<>();
        try (TranscriptTailer tailer = new TranscriptTailer(live, (s, changed) -> {
            synchronized (tools) {
                changed.stream().filter(c -> !c.hasResult()).forEach(c -> tools.add(c.tool()));
            }
            if (s.calls().size() >= 2) {
                write.countDown();
            }
        }, Duration.ofMillis(10))) {
            tailer.start();
            for (int i = 3; i < 7; i++) {
                append(live, lines.get(i));
            }
            assertThat(write.await(30, TimeUnit.SECONDS)).as("the tailer delivered the Write call").isTrue();
        }
        synchronized (tools) {
            assertThat(tools).contains("Write");
        }
    }
}
