package dev.cofferdam.engine.trace;

/** A transcript or the trace store could not be used at all. The message is one line for the user. */
public class TraceException extends Exception {
    private static final long serialVersionUID = 1L;

    public TraceException(String message) {
        super(message);
    }

    public TraceException(String message, Throwable cause) {
        super(message, cause);
    }
}
