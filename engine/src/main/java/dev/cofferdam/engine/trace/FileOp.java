package dev.cofferdam.engine.trace;

/** What a tool call did to a file. */
public enum FileOp {
    CREATE, MODIFY, DELETE, MOVE_FROM, MOVE_TO, COPY_TO;

    /** @return the lower-case, dash-separated name used in JSON ("move-from") */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
