package dev.cofferdam.vm.sandbox;

/** A sandbox operation failed or its input is invalid. The message is one line for the user. */
public class SandboxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean badInput;

    public SandboxException(String message) {
        this(message, true, null);
    }

    public SandboxException(String message, boolean badInput, Throwable cause) {
        super(message, cause);
        this.badInput = badInput;
    }

    /** Whether the user's input is at fault (CLI exit code 2) rather than the system (exit 1). */
    public boolean isBadInput() {
        return badInput;
    }
}
