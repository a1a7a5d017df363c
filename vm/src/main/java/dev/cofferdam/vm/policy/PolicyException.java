package dev.cofferdam.vm.policy;

/** A policy file that cannot be read, parsed or written; the message is one line for the user. */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
