package dev.cofferdam.vm.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contents of one policy file (global or one sandbox): an optional tier and the rules, in
 * order. The text form is line based: {@code tier balanced}, {@code allow RULE}, {@code deny RULE},
 * {@code #} comments. Immutable and thread-safe.
 *
 * @param tier  the tier this scope sets, if any (a sandbox's tier overrides the global one)
 * @param rules the rules of this scope
 */
public record PolicyDocument(Optional<Tier> tier, List<Rule> rules) {
    public static final PolicyDocument EMPTY = new PolicyDocument(Optional.empty(), List.of());

    public PolicyDocument {
        rules = List.copyOf(rules);
    }

    /**
     * @param text the file's text
     * @param name the file's name for messages
     * @return the document
     * @throws PolicyException naming the line and column of the first error or duplicate
     */
    public static PolicyDocument parse(String text, String name) throws PolicyException {
        Optional<Tier> tier = Optional.empty();
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            String keyword = space < 0 ? line : line.substring(0, space);
            String arg = space < 0 ? "" : line.substring(space + 1);
            String where = name + " line " + (i + 1);
            switch (keyword) {
                case "tier":
                    try {
                        tier = Optional.of(Tier.fromId(arg.strip()));
                    } catch (IllegalArgumentException e) {
                        throw new PolicyException(where + ": " + e.getMessage());
                    }
                    break;
                case "allow":
                case "deny":
                    Rule rule = parseRule(keyword, arg, where, space + 1);
                    for (Rule r : rules) {
                        if (r.line().equals(rule.line())) {
                            throw new PolicyException(where + ": duplicate rule '" + rule.line() + "'");
                        }
                    }
                    rules.add(rule);
                    break;
                default:
                    throw new PolicyException(where + ", column 1: expected 'tier', 'allow' or 'deny', found '"
                            + keyword + "'");
            }
        }
        return new PolicyDocument(tier, rules);
    }

    private static Rule parseRule(String keyword, String arg, String where, int offset) throws PolicyException {
        RuleAction action = keyword.equals("allow") ? RuleAction.ALLOW : RuleAction.DENY;
        try {
            return RuleParser.parse(action, arg);
        } catch (RuleSyntaxException e) {
            throw new PolicyException(where + ", column " + (e.column() + offset) + ": "
                    + e.getMessage().substring(e.getMessage().indexOf(':') + 2));
        }
    }

    /** @return this document with the rule appended */
    public PolicyDocument with(Rule rule) {
        List<Rule> out = new ArrayList<>(rules);
        out.add(rule);
        return new PolicyDocument(tier, out);
    }

    /** @return this document with the tier set */
    public PolicyDocument withTier(Tier t) {
        return new PolicyDocument(Optional.of(t), rules);
    }

    /** @return whether an identical rule (same action and canonical text) is already present */
    public boolean contains(Rule rule) {
        return rules.stream().anyMatch(r -> r.line().equals(rule.line()));
    }

    /** @return the text form, with a header comment */
    public String toText(String scope) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Cofferdam network policy (").append(scope).append("). Edit with `cofferdam policy`;\n");
        sb.append("# changes apply at once to running sandboxes.\n");
        tier.ifPresent(t -> sb.append("tier ").append(t.id()).append('\n'));
        for (Rule r : rules) {
            sb.append(r.line()).append('\n');
        }
        return sb.toString();
    }
}
