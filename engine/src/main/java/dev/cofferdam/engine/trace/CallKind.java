package dev.cofferdam.engine.trace;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a tool call does, as far as the detectors care: reads and searches (explore), file edits
 * (edit), builds and tests (verify), shell commands that change files (mutate-shell), spawning a
 * sub-agent (delegate), anything else (other).
 */
public enum CallKind {
    EXPLORE, EDIT, VERIFY, MUTATE_SHELL, DELEGATE, OTHER;

    /** @return the lower-case, dash-separated name used in JSON ("mutate-shell") */
    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
