package dev.cofferdam.engine.trace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.Fixtures;
import dev.cofferdam.engine.trace.TraceSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Feeding a transcript line by line, or in random pieces, gives the same model as a full parse. */
class IncrementalParseTest {
    @ParameterizedTest
    @ValueSource(strings = {Fixtures.CLAUDE_CRUD, Fixtures.CLAUDE_TOOL_HEAVY, Fixtures.CODEX_CRUD})
    void lineByLineEqualsFullParse(String name) throws Exception {
        Path f = Fixtures.transcript(name);
        TraceSession full = TranscriptReader.read(f, ProgressListener.NONE);
        byte[] bytes = Files.readAllBytes(f);
        TranscriptParser p = new TranscriptParser(f.toAbsolutePath().toString());
        int start = 0;
        int lines = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                p.feed(bytes, start, i + 1 - start);
                start = i + 1;
                lines++;
                assertThat(p.snapshot().recordTypes().values().stream().mapToInt(Integer::intValue).sum())
                        .isEqualTo(lines);
            }
        }
        assertThat(p.snapshot()).isEqualTo(full);
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.CLAUDE_CRUD, Fixtures.CLAUDE_TOOL_HEAVY, Fixtures.CODEX_CRUD})
    void randomPiecesEqualFullParse(String name) throws Exception {
        Path f = Fixtures.transcript(name);
        TraceSession full = TranscriptReader.read(f, ProgressListener.NONE);
        byte[] bytes = Files.readAllBytes(f);
        Random rnd = new Random(name.hashCode());
        TranscriptParser p = new TranscriptParser(f.toAbsolutePath().toString());
        int off = 0;
        while (off < bytes.length) {
            int n = Math.min(bytes.length - off, 1 + rnd.nextInt(700));
            p.feed(bytes, off, n);
            off += n;
        }
        assertThat(p.snapshot()).isEqualTo(full);
    }
}
