package dev.cofferdam.vm.policy;

/** What a rule does when it matches. Deny always wins over allow. */
public enum RuleAction {
    ALLOW, DENY;

    /** @return {@code allow} or {@code deny} */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
