package dev.cofferdam.vm.secret;

import java.util.Collection;
import java.util.Map;

/**
 * An OS keychain holding credential values, keyed by vault id and credential name. Every method
 * either does its work or throws; {@link KeychainUnavailableException} when the keychain cannot be
 * reached or stays locked. Implementations are thread-safe.
 */
public interface Keychain {

    /** @return where the keychain is, for messages (e.g. "Secret Service on unix:path=/run/user/1000/bus") */
    String describe();

    /** @throws KeychainUnavailableException when the keychain does not answer */
    void probe() throws KeychainUnavailableException;

    /** Stores or replaces the value of a credential. */
    void store(String vault, String name, String value) throws SecretException;

    /**
     * @param mayPrompt whether a locked keychain may ask the user to unlock it (never from the proxy)
     * @return the values found, by name (names without an item are absent)
     */
    Map<String, String> values(String vault, Collection<String> names, boolean mayPrompt) throws SecretException;

    /** @return whether an item was deleted */
    boolean delete(String vault, String name) throws SecretException;
}
