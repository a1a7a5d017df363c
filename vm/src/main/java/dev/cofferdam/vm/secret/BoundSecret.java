package dev.cofferdam.vm.secret;

/**
 * A credential value bound to a host, as the proxy needs it. Immutable; never logged.
 *
 * @param name        the credential name (logged)
 * @param placeholder the text the guest sends
 * @param value       the real value
 */
public record BoundSecret(String name, String placeholder, String value) {

    @Override
    public String toString() {
        return "BoundSecret[" + name + "]";
    }
}
