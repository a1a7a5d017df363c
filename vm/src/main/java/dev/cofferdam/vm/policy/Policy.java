package dev.cofferdam.vm.policy;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The effective policy of one sandbox: a tier, the user's rules (global and per sandbox), and the
 * Balanced allowlist. Decisions are made in two steps: {@link #decide} on the canonical host
 * before any DNS lookup, then {@link #checkResolved} on each resolved address. Deny wins over
 * allow regardless of specificity. Immutable and thread-safe.
 *
 * @param tier      the tier
 * @param rules     the user's rules, global first
 * @param balanced  the Balanced allowlist (used only in the Balanced tier)
 * @param failure   when non-null, the policy could not be read and everything is denied with this reason
 */
public record Policy(Tier tier, List<Rule> rules, BalancedAllowlist balanced, String failure) {

    public Policy {
        rules = List.copyOf(rules);
    }

    /** @return a policy that denies everything, for a policy that cannot be read (never fail open) */
    public static Policy denyAll(String reason) {
        return new Policy(Tier.LOCKED_DOWN, List.of(), BalancedAllowlist.EMPTY, reason);
    }

    /**
     * Decides on the host as named, before any DNS lookup.
     *
     * @param host the canonical host
     * @param port the destination port
     * @return the decision and the rule that made it
     */
    public Decision decide(CanonicalHost host, int port) {
        if (failure != null) {
            return Decision.deny("policy-unreadable", failure);
        }
        return host.isAddress() ? decideAddress(host.address(), port) : decideName(host.text(), port);
    }

    /**
     * Checks one address that an allowed name resolved to (DNS rebinding): always-denied ranges, the
     * host's own addresses and deny CIDR rules apply; an allow rule naming the exact IP:port exempts.
     *
     * @return empty when the address may be dialled, else the deny decision
     */
    public Optional<Decision> checkResolved(String name, InetAddress address, int port) {
        if (failure != null) {
            return Optional.of(Decision.deny("policy-unreadable", failure));
        }
        for (Rule r : rules) {
            if (r.action() == RuleAction.DENY && r.matchesAddress(address, port)) {
                return Optional.of(Decision.deny(r.text(), name + " resolved to " + address.getHostAddress()
                        + ", denied by rule"));
            }
        }
        if (exactAllow(address, port).isPresent()) {
            return Optional.empty();
        }
        Optional<String> range = AddressRanges.deniedRange(address);
        if (range.isPresent()) {
            return Optional.of(Decision.deny("always-denied", name + " resolved to " + address.getHostAddress()
                    + " in " + range.get() + " (DNS rebinding)"));
        }
        if (LocalAddresses.isLocal(address)) {
            return Optional.of(Decision.deny("always-denied", name + " resolved to " + address.getHostAddress()
                    + ", an address of this host"));
        }
        return Optional.empty();
    }

    private Decision decideName(String name, int port) {
        if (AddressRanges.isMetadataName(name)) {
            return Decision.deny("always-denied", name + " is a metadata or localhost name, denied in every tier");
        }
        for (Rule r : rules) {
            if (r.action() == RuleAction.DENY && r.matchesName(name, port)) {
                return Decision.deny(r.text(), "denied by rule");
            }
        }
        for (Rule r : rules) {
            if (r.action() == RuleAction.ALLOW && r.matchesName(name, port)) {
                return Decision.allow(r.text(), "allowed by rule");
            }
        }
        if (tier == Tier.BALANCED) {
            Optional<Rule> b = balanced.match(name, port);
            if (b.isPresent()) {
                return Decision.allow(b.get().text(), "allowed by the Balanced list " + balanced.version());
            }
        }
        if (tier == Tier.OPEN) {
            return Decision.allow("tier:open", "the Open tier allows every host");
        }
        return Decision.deny("", "no rule allows " + name + ":" + port + " (tier " + tier.id() + ")");
    }

    private Decision decideAddress(InetAddress address, int port) {
        String text = address.getHostAddress();
        for (Rule r : rules) {
            if (r.action() == RuleAction.DENY && r.matchesAddress(address, port)) {
                return Decision.deny(r.text(), "denied by rule");
            }
        }
        Optional<Rule> exact = exactAllow(address, port);
        if (exact.isPresent()) {
            return Decision.allow(exact.get().text(), "allowed by an exact IP:port rule");
        }
        Optional<String> range = AddressRanges.deniedRange(address);
        if (range.isPresent()) {
            return Decision.deny("always-denied", text + " is in " + range.get()
                    + "; only an exact IP:port rule allows it");
        }
        if (LocalAddresses.isLocal(address)) {
            return Decision.deny("always-denied", text + " is an address of this host");
        }
        for (Rule r : rules) {
            if (r.action() == RuleAction.ALLOW && r.matchesAddress(address, port)) {
                return Decision.allow(r.text(), "allowed by rule");
            }
        }
        if (tier == Tier.OPEN) {
            return Decision.allow("tier:open", "the Open tier allows every host");
        }
        return Decision.deny("", "no rule allows " + text + ":" + port + " (tier " + tier.id() + ")");
    }

    private Optional<Rule> exactAllow(InetAddress address, int port) {
        for (Rule r : rules) {
            if (r.namesExactly(address, port)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
