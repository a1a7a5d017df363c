package dev.cofferdam.vm.policy;

/**
 * Where the proxy gets the policy of a sandbox. The proxy calls {@link #policyFor} on every
 * request, so edits apply at once. Implementations must be thread-safe and must never fail open:
 * when the policy cannot be read they return {@link Policy#denyAll(String)}.
 */
@FunctionalInterface
public interface PolicySource {

    /**
     * @param sandbox the sandbox name
     * @return the sandbox's effective policy, never {@code null}
     */
    Policy policyFor(String sandbox);
}
