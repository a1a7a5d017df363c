package dev.cofferdam.vm.secret;

import java.util.Locale;

/** Where a credential's value is held. Immutable. */
public enum SecretBackend {
    /** The OS keychain through the Secret Service API. */
    KEYCHAIN("OS keychain (Secret Service)"),
    /** The AES-GCM encrypted file in the config directory. */
    FILE("encrypted file");

    private final String label;

    SecretBackend(String label) {
        this.label = label;
    }

    /** @return the id used in files and on the command line ({@code keychain}, {@code file}) */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return a human label */
    public String label() {
        return label;
    }
}
