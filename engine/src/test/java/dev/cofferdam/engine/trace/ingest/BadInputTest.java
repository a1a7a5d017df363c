package dev.cofferdam.engine.trace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.Fixtures;
import dev.cofferdam.engine.trace.TraceException;
import dev.cofferdam.engine.trace.TraceSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken, empty and odd transcripts open with what could be read, and say what was skipped. */
class BadInputTest {
    @TempDir
    Path tmp;

    private TraceSession read(byte[] content) throws Exception {
        Path f = tmp.resolve("t.jsonl");
        Files.write(f, content);
        return TranscriptReader.read(f, ProgressListener.NONE);
    }

    private static byte[] fixture(String name) throws Exception {
        return Files.readAllBytes(Fixtures.transcript(name));
    }

    @Test
    void emptyFileIsAnEmptySession() throws Exception {
        TraceSession s = read(new byte[0]);
        assertThat(s.calls()).isEmpty();
        assertThat(s.skipped()).isEmpty();
        assertThat(s.id()).isEqualTo("t.jsonl");
    }

    @Test
    void missingFileIsAOneLineError() {
        assertThatThrownBy(() -> TranscriptReader.read(tmp.resolve("nope.jsonl"), ProgressListener.NONE))
                .isInstanceOf(TraceException.class).hasMessageStartingWith("not a transcript file: ");
    }

    @Test
    void truncatedLastLineIsCountedAndTheRestKept() throws Exception {
        byte[] full = fixture(Fixtures.CLAUDE_CRUD);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 200);
        TraceSession s = read(cut);
        assertThat(s.skipped()).containsExactly(java.util.Map.entry("truncated-last-line", 1));
        assertThat(s.calls()).hasSize(9);
        assertThat(s.apiCalls()).hasSize(9);
    }

    @Test
    void binaryGarbageBetweenRecordsIsSkippedByReason() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == '\n') {
                garbage[i] = 'x';
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(garbage);
        out.write('\n');
        out.write("[1,2,3]\n\n   \n".getBytes(StandardCharsets.UTF_8));
        out.write(fixture(Fixtures.CODEX_CRUD));
        TraceSession s = read(out.toByteArray());
        assertThat(s.skipped()).containsEntry("malformed-json", 1).containsEntry("not-an-object", 1);
        assertThat(s.calls()).hasSize(4);
    }

    @Test
    void multiMegabyteLineSurvives() throws Exception {
        String big = "x".repeat(6 << 20);
        String line = "{\"type\":\"user\",\"uuid\":\"u1\",\"sessionId\":\"s\",\"message\":{\"role\":\"user\",\"content\":\""
                + big + "\"}}\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write(fixture(Fixtures.CLAUDE_CRUD));
        TraceSession s = read(out.toByteArray());
        assertThat(s.prompts()).hasSize(2);
        assertThat(s.prompts().get(0)).hasSize(6 << 20);
        assertThat(s.calls()).hasSize(9);
    }

    @Test
    void unknownRecordTypesAreKeptRaw() throws Exception {
        String odd = "{\"type\":\"brand-new-thing\",\"uuid\":\"x\",\"sessionId\":\"s\",\"payloadish\":[1]}\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(fixture(Fixtures.CLAUDE_CRUD));
        out.write(odd.getBytes(StandardCharsets.UTF_8));
        TraceSession s = read(out.toByteArray());
        assertThat(s.unknown()).hasSize(1);
        assertThat(s.unknown().get(0).type()).isEqualTo("brand-new-thing");
        assertThat(s.unknown().get(0).line()).isEqualTo(28);
        assertThat(s.unknown().get(0).json()).contains("\"payloadish\":[1]");
        assertThat(s.calls()).hasSize(9);
    }

    @Test
    void unknownCodexRecordTypeIsKeptRaw() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(fixture(Fixtures.CODEX_CRUD));
        out.write("{\"timestamp\":\"t\",\"type\":\"future_record\",\"payload\":{\"a\":1}}\n".getBytes(StandardCharsets.UTF_8));
        out.write("{\"timestamp\":\"t\",\"type\":\"response_item\",\"payload\":{\"type\":\"hologram\"}}\n"
                .getBytes(StandardCharsets.UTF_8));
        TraceSession s = read(out.toByteArray());
        assertThat(s.unknown()).extracting(r -> r.type()).containsExactly("future_record", "response_item:hologram");
        assertThat(s.calls()).hasSize(4);
    }

    @Test
    void recordsOfNoKnownAgentAreKeptRaw() throws Exception {
        TraceSession s = read("{\"hello\":1}\n{\"world\":2}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(s.unknown()).hasSize(2);
        assertThat(s.calls()).isEmpty();
    }
}
