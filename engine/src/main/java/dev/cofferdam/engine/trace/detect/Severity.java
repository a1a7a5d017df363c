package dev.cofferdam.engine.trace.detect;

import com.fasterxml.jackson.annotation.JsonValue;

/** How bad a finding is: amber (warn) or red (critical). Serialized in lower case. */
public enum Severity {
    AMBER, RED;

    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
