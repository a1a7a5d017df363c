package dev.cofferdam.vm.policy;

/**
 * The outcome of a policy check. Immutable and thread-safe.
 *
 * @param allowed whether the connection may go ahead
 * @param rule    the rule that decided (canonical text, {@code tier:open}, {@code always-denied}), or
 *                an empty string when no rule matched
 * @param reason  a one-line human explanation
 */
public record Decision(boolean allowed, String rule, String reason) {

    public static Decision allow(String rule, String reason) {
        return new Decision(true, rule, reason);
    }

    public static Decision deny(String rule, String reason) {
        return new Decision(false, rule == null ? "" : rule, reason);
    }

    /** @return {@code allow} or {@code deny} */
    public String verdict() {
        return allowed ? "allow" : "deny";
    }
}
