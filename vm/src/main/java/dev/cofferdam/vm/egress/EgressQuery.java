package dev.cofferdam.vm.egress;

import java.time.Instant;

/**
 * A filter over the egress log. Immutable.
 *
 * @param sandbox a sandbox name, or {@code null} for all
 * @param from    inclusive lower bound on time, or {@code null}
 * @param to      exclusive upper bound on time, or {@code null}
 * @param afterId only records with a larger id (for following), 0 for all
 * @param limit   maximum number of records, oldest first
 */
public record EgressQuery(String sandbox, Instant from, Instant to, long afterId, int limit) {

    /** @return every record of every sandbox, up to one million */
    public static EgressQuery all() {
        return new EgressQuery(null, null, null, 0, 1_000_000);
    }

    /** @return every record of one sandbox */
    public static EgressQuery sandbox(String name) {
        return new EgressQuery(name, null, null, 0, 1_000_000);
    }
}
