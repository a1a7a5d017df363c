package dev.cofferdam.engine.trace.detect;

/** How bad a finding is: amber (warn) or red (critical). Serialized in lower case. */
public enum Severity {
    AMBER, RED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
