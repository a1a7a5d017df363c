package dev.cofferdam.app.run;

/** A sandboxed agent run that cannot start or finish; the message is one line for the user. */
public final class RunException extends Exception {
    private final boolean badInput;

    public RunException(String message, boolean badInput) {
        super(message);
        this.badInput = badInput;
    }

    public RunException(String message, boolean badInput, Throwable cause) {
        super(message, cause);
        this.badInput = badInput;
    }

    /** @return whether the user can fix it (exit code 2) rather than an internal failure */
    public boolean isBadInput() {
        return badInput;
    }
}
