package dev.cofferdam.engine.trace.ingest;

import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.FileEffect;
import java.util.List;

/**
 * What the arguments of a tool call say, before its result is known.
 *
 * @param kind    classification
 * @param targets files or patterns it is about
 * @param summary one short line
 * @param effects file changes it asks for
 */
public record CallSpec(CallKind kind, List<String> targets, String summary, List<FileEffect> effects) {
    public CallSpec {
        targets = List.copyOf(targets);
        effects = List.copyOf(effects);
    }
}
