package dev.cofferdam.vm.policy;

import dev.cofferdam.assets.Assets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The curated Balanced allowlist, a versioned data file in {@code assets}
 * ({@code dev/cofferdam/assets/policy/balanced.rules}): one allow rule per line, {@code #} comments,
 * a {@code # version: X} header, {@code ## Section} headings. Shown verbatim in the UI via
 * {@link #text()}. Immutable and thread-safe.
 *
 * @param version the version from the header
 * @param rules   the allow rules
 * @param text    the file as shipped
 */
public record BalancedAllowlist(String version, List<Rule> rules, String text) {
    /** The resource path of the shipped list. */
    public static final String RESOURCE = "policy/balanced.rules";
    static final BalancedAllowlist EMPTY = new BalancedAllowlist("none", List.of(), "");
    private static volatile BalancedAllowlist shipped;

    public BalancedAllowlist {
        rules = List.copyOf(rules);
    }

    /** @return the first rule of the list that allows the name on the port */
    public Optional<Rule> match(String name, int port) {
        for (Rule r : rules) {
            if (r.matchesName(name, port)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * @return the list shipped in {@code assets}, loaded once
     * @throws IllegalStateException when the resource is missing or malformed (a build defect)
     */
    public static BalancedAllowlist shipped() {
        BalancedAllowlist s = shipped;
        if (s == null) {
            try (InputStream in = Assets.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                s = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (PolicyException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            shipped = s;
        }
        return s;
    }

    /**
     * @param text the list's text
     * @return the parsed list
     * @throws PolicyException naming the line and column of a malformed rule
     */
    public static BalancedAllowlist parse(String text) throws PolicyException {
        String version = "unversioned";
        List<Rule> rules = new ArrayList<>();
        int n = 0;
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                String t = line.strip();
                if (t.startsWith("# version:")) {
                    version = t.substring("# version:".length()).strip();
                }
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                try {
                    rules.add(RuleParser.parse(RuleAction.ALLOW, t));
                } catch (RuleSyntaxException e) {
                    throw new PolicyException("Balanced list line " + n + ", " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BalancedAllowlist(version, rules, text);
    }
}
