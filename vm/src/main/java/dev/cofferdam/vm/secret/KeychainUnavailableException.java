package dev.cofferdam.vm.secret;

/** The OS keychain (Secret Service) cannot be reached, or is locked and was not unlocked. */
public final class KeychainUnavailableException extends SecretException {
    private static final long serialVersionUID = 1L;

    public KeychainUnavailableException(String message) {
        super(message);
    }

    public KeychainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
