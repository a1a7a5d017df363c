package dev.cofferdam.engine.trace;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which agent wrote a transcript. Serialized in lower case with '-' ("claude-code"). */
public enum AgentKind {
    CLAUDE_CODE, CODEX, GEMINI, UNKNOWN;

    /** @return the lower-case, dash-separated name used in JSON and on the command line */
    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
