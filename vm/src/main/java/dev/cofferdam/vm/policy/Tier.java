package dev.cofferdam.vm.policy;

import java.util.Locale;

/** The three network tiers. Immutable. */
public enum Tier {
    /** Nothing allowed except the user's explicit rules. */
    LOCKED_DOWN("locked-down"),
    /** Deny by default plus the curated Balanced allowlist and the user's rules (the default). */
    BALANCED("balanced"),
    /** Everything allowed (except the always-denied ranges and deny rules), still proxied and logged. */
    OPEN("open");

    private final String id;

    Tier(String id) {
        this.id = id;
    }

    /** @return the id used in files and on the command line, e.g. {@code locked-down} */
    public String id() {
        return id;
    }

    /**
     * @param id {@code locked-down}, {@code balanced} or {@code open} (case-insensitive)
     * @return the tier
     * @throws IllegalArgumentException for any other text
     */
    public static Tier fromId(String id) {
        String lower = id.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Tier t : values()) {
            if (t.id.equals(lower)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + id + "' (expected locked-down, balanced or open)");
    }
}
