package dev.cofferdam.vm.secret;

/**
 * Which backend new credentials go to, and why. Immutable.
 *
 * @param setting   the user's setting
 * @param target    where {@code cofferdam secret set} stores a value now
 * @param reachable whether that backend can be used now (false: a required keychain does not answer)
 * @param detail    one line for people, e.g. "OS keychain (Secret Service on unix:path=/run/user/1000/bus)"
 */
public record BackendStatus(BackendSetting setting, SecretBackend target, boolean reachable, String detail) {
}
