package dev.cofferdam.engine.trace.ingest;

import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.FileEffect;
import java.util.List;

/**
 * What a shell command does to files, as far as it can be told from its text.
 *
 * @param effects files written, deleted, moved or copied
 * @param reads   files it reads (cat, head, sed -n, ...)
 * @param kind    MUTATE_SHELL when it changes files, VERIFY for builds and tests, EXPLORE for
 *                read-only commands, otherwise OTHER
 */
public record ShellAnalysis(List<FileEffect> effects, List<String> reads, CallKind kind) {
    public ShellAnalysis {
        effects = List.copyOf(effects);
        reads = List.copyOf(reads);
    }
}
