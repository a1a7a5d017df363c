package dev.cofferdam.vm.egress;

import java.time.Instant;

/**
 * The aggregated view of one host in the egress log. Immutable.
 *
 * @param host     the canonical host
 * @param count    number of decisions
 * @param lastSeen time of the latest decision
 * @param decision the latest decision
 * @param rule     the rule of the latest decision
 */
public record HostSummary(String host, long count, Instant lastSeen, String decision, String rule) {
}
