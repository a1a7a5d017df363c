package dev.cofferdam.app.cli;

import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyException;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.Rule;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.RuleParser;
import dev.cofferdam.vm.policy.RuleSyntaxException;
import dev.cofferdam.vm.policy.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --policy}, {@code --allow} and {@code --deny} of {@code sandbox create/run}: they edit the
 * sandbox's own policy file, which the running proxy re-reads on every request.
 */
final class SandboxPolicyFlags {
    @Option(names = "--policy", paramLabel = "TIER",
            description = "Network tier of this sandbox: locked-down, balanced or open (default: the global tier).")
    String policy;

    @Option(names = "--allow", paramLabel = "RULE", description = "Allow a host, host:port, *.domain, **.domain or CIDR"
            + " for this sandbox (repeatable).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--deny", paramLabel = "RULE", description = "Deny a rule for this sandbox; deny wins (repeatable).")
    List<String> deny = new ArrayList<>();

    /** A validated edit, made before any VM work. */
    record Edit(Optional<Tier> tier, List<Rule> rules) {
        boolean isEmpty() {
            return tier.isEmpty() && rules.isEmpty();
        }

        /** Writes the tier and the rules not already present into the sandbox's policy file. */
        void apply(String sandbox) throws PolicyException {
            if (isEmpty()) {
                return;
            }
            PolicyStore store = new PolicyStore(CofferdamDirs.fromEnvironment().config());
            PolicyDocument doc = store.read(sandbox);
            if (tier.isPresent()) {
                doc = doc.withTier(tier.get());
            }
            for (Rule r : rules) {
                if (!doc.contains(r)) {
                    doc = doc.with(r);
                }
            }
            store.write(sandbox, doc);
        }
    }

    /**
     * Deletes a removed sandbox's policy file, so that a later sandbox of the same name starts
     * from the global policy.
     */
    static void forget(String sandbox) throws PolicyException {
        Path f = new PolicyStore(CofferdamDirs.fromEnvironment().config()).file(sandbox);
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new PolicyException("cannot delete " + f + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException with a one-line reason for an unknown tier or a bad rule */
    Edit edit() {
        Optional<Tier> tier = Optional.ofNullable(policy).map(Tier::fromId);
        List<Rule> rules = new ArrayList<>();
        for (String a : allow) {
            rules.add(parse(RuleAction.ALLOW, a));
        }
        for (String d : deny) {
            rules.add(parse(RuleAction.DENY, d));
        }
        return new Edit(tier, rules);
    }

    private static Rule parse(RuleAction action, String text) {
        try {
            return RuleParser.parse(action, text);
        } catch (RuleSyntaxException e) {
            throw new IllegalArgumentException("invalid rule '" + text + "': " + e.getMessage(), e);
        }
    }
}
