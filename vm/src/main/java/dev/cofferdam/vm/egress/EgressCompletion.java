package dev.cofferdam.vm.egress;

/**
 * The outcome of an exchange, applied to its {@link EgressRecord} when it ends. Immutable.
 *
 * @param status     the HTTP status answered (0 when the connection closed without one)
 * @param bytesUp    bytes client → upstream
 * @param bytesDown  bytes upstream → client
 * @param durationMs duration in milliseconds
 * @param reason     a replacement reason (e.g. {@code upstream unreachable}), or {@code null} to keep it
 * @param denied     whether a later check (TLS server name) turned the decision into a deny
 * @param rule       a replacement rule, or {@code null}
 * @param serverName the TLS server name learnt, or {@code null}
 */
public record EgressCompletion(int status, long bytesUp, long bytesDown, long durationMs, String reason,
        boolean denied, String rule, String serverName) {

    /** @return a plain completion that keeps decision, rule and reason */
    public static EgressCompletion of(int status, long bytesUp, long bytesDown, long durationMs) {
        return new EgressCompletion(status, bytesUp, bytesDown, durationMs, null, false, null, null);
    }
}
