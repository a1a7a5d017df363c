package dev.cofferdam.vm.secret;

import java.util.List;
import java.util.Optional;

/**
 * Where credentials live on the host (never in a guest). Implementations are thread-safe.
 */
public interface SecretStore {

    /**
     * Stores or replaces a credential and its value.
     *
     * @throws SecretException when the store cannot be written
     */
    void put(Credential credential, String value) throws SecretException;

    /** @return every credential, without values */
    List<Credential> list() throws SecretException;

    /** @return the value of the named credential */
    Optional<String> value(String name) throws SecretException;

    /** @return whether a credential was removed */
    boolean remove(String name) throws SecretException;
}
