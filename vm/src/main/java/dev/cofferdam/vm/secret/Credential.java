package dev.cofferdam.vm.secret;

import java.util.List;

/**
 * A stored credential, without its value. The guest sees {@link #placeholder()} in
 * {@link #envVar()}; the proxy swaps it for the value only on requests to {@link #hosts()}.
 * Immutable and thread-safe.
 *
 * @param name        the service name ({@code anthropic}, {@code github}, or a custom name)
 * @param hosts       the canonical host names the credential is bound to (exact names)
 * @param envVar      the guest environment variable that holds the placeholder
 * @param placeholder the random placeholder text
 */
public record Credential(String name, List<String> hosts, String envVar, String placeholder) {
    public Credential {
        hosts = List.copyOf(hosts);
    }
}
