package dev.cofferdam.app.cli;

import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.CanonicalHost;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.Decision;
import dev.cofferdam.vm.policy.HostCanonicalizer;
import dev.cofferdam.vm.policy.HostSyntaxException;
import dev.cofferdam.vm.policy.Policy;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyException;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.Rule;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.RuleParser;
import dev.cofferdam.vm.policy.RuleSyntaxException;
import dev.cofferdam.vm.policy.StorePolicySource;
import dev.cofferdam.vm.policy.Tier;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cofferdam policy}: the network policy (tiers and rules, global or per sandbox). */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Network policy: tiers (locked-down, balanced, open) and allow/deny rules.",
        subcommands = {PolicyCommand.Init.class, PolicyCommand.Ls.class, PolicyCommand.Allow.class,
            PolicyCommand.Deny.class, PolicyCommand.Rm.class, PolicyCommand.Check.class})
public final class PolicyCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Shared options and error handling of the subcommands. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--sandbox", paramLabel = "NAME", description = "The sandbox's own rules (default: global).")
        String sandbox;

        PolicyStore store() {
            return new PolicyStore(CofferdamDirs.fromEnvironment().config());
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        int fail(String message) {
            spec.commandLine().getErr().println("cofferdam: " + message);
            return 2;
        }

        int failPolicy(PolicyException e) {
            spec.commandLine().getErr().println("cofferdam: " + e.getMessage());
            return e.getCause() instanceof IOException ? 1 : 2;
        }

        String scope() {
            return sandbox == null ? "global" : "sandbox " + sandbox;
        }

        @Override
        public Integer call() {
            try {
                return execute();
            } catch (PolicyException e) {
                return failPolicy(e);
            }
        }

        abstract int execute() throws PolicyException;
    }

    @Command(name = "init", description = "Set the tier: locked-down, balanced (default) or open.")
    static final class Init extends Base {
        @Parameters(paramLabel = "TIER", description = "locked-down, balanced or open")
        String tier;

        @Override
        int execute() throws PolicyException {
            Tier t;
            try {
                t = Tier.fromId(tier);
            } catch (IllegalArgumentException e) {
                return fail(e.getMessage());
            }
            PolicyStore s = store();
            s.write(sandbox, s.read(sandbox).withTier(t));
            out().println("tier " + t.id() + " (" + scope() + ")");
            if (t == Tier.OPEN) {
                spec.commandLine().getErr().println("cofferdam: warning: the open tier allows every host "
                        + "(always-denied ranges and deny rules still apply)");
            }
            return 0;
        }
    }

    @Command(name = "ls", description = "List the tier and rules (global, and the sandbox's with --sandbox).")
    static final class Ls extends Base {
        @Option(names = "--balanced", description = "Print the Balanced allowlist as shipped.")
        boolean balanced;

        @Override
        int execute() throws PolicyException {
            if (balanced) {
                out().print(BalancedAllowlist.shipped().text());
                out().flush();
                return 0;
            }
            PolicyStore s = store();
            PolicyDocument global = s.read(null);
            Tier tier = global.tier().orElse(Tier.BALANCED);
            List<String> lines = new ArrayList<>();
            global.rules().forEach(r -> lines.add(r.line() + "\t(global)"));
            if (sandbox != null) {
                PolicyDocument own = s.read(sandbox);
                tier = own.tier().orElse(tier);
                own.rules().forEach(r -> lines.add(r.line() + "\t(sandbox " + sandbox + ")"));
            }
            out().println("tier " + tier.id() + (tier == Tier.BALANCED ? " (Balanced list "
                    + BalancedAllowlist.shipped().version() + ", see --balanced)" : ""));
            lines.forEach(out()::println);
            return 0;
        }
    }

    /** Adds one rule. */
    abstract static class Add extends Base {
        @Parameters(paramLabel = "RULE", description = "example.com, *.example.com, **.example.com, host:port, "
                + "203.0.113.0/24, [2001:db8::]/32:443")
        String rule;

        abstract RuleAction action();

        @Override
        int execute() throws PolicyException {
            Rule r;
            try {
                r = RuleParser.parse(action(), rule);
            } catch (RuleSyntaxException e) {
                return fail("invalid rule '" + rule + "': " + e.getMessage());
            }
            PolicyStore s = store();
            PolicyDocument doc = s.read(sandbox);
            if (doc.contains(r)) {
                return fail("rule already present (" + scope() + "): " + r.line());
            }
            s.write(sandbox, doc.with(r));
            RuleParser.warning(r).ifPresent(w -> spec.commandLine().getErr().println("cofferdam: warning: " + w));
            out().println(r.line() + " (" + scope() + ")");
            return 0;
        }
    }

    @Command(name = "allow", description = "Add an allow rule.")
    static final class Allow extends Add {
        @Override
        RuleAction action() {
            return RuleAction.ALLOW;
        }
    }

    @Command(name = "deny", description = "Add a deny rule (deny wins over every allow).")
    static final class Deny extends Add {
        @Override
        RuleAction action() {
            return RuleAction.DENY;
        }
    }

    @Command(name = "rm", description = "Remove the allow and deny rules with this text.")
    static final class Rm extends Base {
        @Parameters(paramLabel = "RULE")
        String rule;

        @Override
        int execute() throws PolicyException {
            String text;
            try {
                text = RuleParser.parse(RuleAction.ALLOW, rule).text();
            } catch (RuleSyntaxException e) {
                return fail("invalid rule '" + rule + "': " + e.getMessage());
            }
            PolicyStore s = store();
            PolicyDocument doc = s.read(sandbox);
            List<Rule> kept = new ArrayList<>();
            List<Rule> removed = new ArrayList<>();
            for (Rule r : doc.rules()) {
                (r.text().equals(text) ? removed : kept).add(r);
            }
            if (removed.isEmpty()) {
                return fail("no rule '" + text + "' (" + scope() + ")");
            }
            s.write(sandbox, new PolicyDocument(doc.tier(), kept));
            removed.forEach(r -> out().println("removed " + r.line() + " (" + scope() + ")"));
            return 0;
        }
    }

    @Command(name = "check", description = "Show the decision for HOST[:PORT] (port 443 by default) and the rule "
            + "that made it. Resolved addresses are checked again at request time.")
    static final class Check extends Base {
        @Parameters(paramLabel = "HOST[:PORT]")
        String target;

        @Override
        int execute() throws PolicyException {
            String host = target;
            int port = 443;
            int colon = target.lastIndexOf(':');
            boolean bracketed = target.startsWith("[");
            if (colon > 0 && (!bracketed || target.lastIndexOf(']') < colon) && (bracketed
                    || target.indexOf(':') == colon)) {
                String p = target.substring(colon + 1);
                if (p.isEmpty() || p.length() > 5 || !p.chars().allMatch(Character::isDigit)
                        || Integer.parseInt(p) < 1 || Integer.parseInt(p) > 65535) {
                    return fail("invalid port '" + p + "' in '" + target + "'");
                }
                port = Integer.parseInt(p);
                host = target.substring(0, colon);
            }
            CanonicalHost h;
            try {
                h = HostCanonicalizer.fromUser(host);
            } catch (HostSyntaxException e) {
                return fail("invalid host '" + host + "': " + e.getMessage());
            }
            if (sandbox != null) {
                store().file(sandbox);
            }
            Policy policy = new StorePolicySource(store(), BalancedAllowlist.shipped())
                    .policyFor(sandbox);
            Decision d = policy.decide(h, port);
            out().println(d.verdict() + " " + h.authorityForm() + ":" + port);
            out().println("  rule:   " + (d.rule().isEmpty() ? "(none)" : d.rule()));
            out().println("  reason: " + d.reason());
            return 0;
        }
    }
}
