package dev.cofferdam.vm.secret;

/** A credential store that cannot be read or written, or a bad credential request; one-line message. */
public class SecretException extends Exception {
    private static final long serialVersionUID = 1L;

    public SecretException(String message) {
        super(message);
    }

    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
