package dev.cofferdam.vm.secret;

import java.util.Optional;

/**
 * The result of storing a credential. Immutable.
 *
 * @param heldIn  where the value went
 * @param warning something the user should know (e.g. an old keychain item could not be deleted)
 */
public record StoreOutcome(SecretBackend heldIn, Optional<String> warning) {
}
