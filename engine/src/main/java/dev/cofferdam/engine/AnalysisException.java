package dev.cofferdam.engine;

/**
 * A map or blast radius could not be produced because of the input (missing path, bad range, ...)
 * or the environment. The message is one line meant for the user.
 */
public class AnalysisException extends Exception {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
