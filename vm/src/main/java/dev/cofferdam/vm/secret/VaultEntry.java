package dev.cofferdam.vm.secret;

/**
 * A stored credential (without its value) and where its value is held. Immutable.
 *
 * @param credential the credential's metadata
 * @param heldIn     the backend holding the value
 */
public record VaultEntry(Credential credential, SecretBackend heldIn) {
}
