package dev.cofferdam.engine.trace;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a tool call did to a file. */
public enum FileOp {
    CREATE, MODIFY, DELETE, MOVE_FROM, MOVE_TO, COPY_TO;

    /** @return the lower-case, dash-separated name used in JSON ("move-from") */
    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
