package dev.cofferdam.app.ui.walls;

import dev.cofferdam.vm.egress.EgressRecord;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The egress table's filter: free text (host, method, rule, reason, sandbox, path), a decision
 * ({@code allow}, {@code deny} or empty for both) and a sandbox (empty for all). Immutable.
 */
record EgressFilter(String text, String decision, String sandbox) implements Predicate<EgressRecord> {
    static final EgressFilter NONE = new EgressFilter("", "", "");

    @Override
    public boolean test(EgressRecord r) {
        if (!decision.isEmpty() && !decision.equals(r.decision())) {
            return false;
        }
        if (!sandbox.isEmpty() && !sandbox.equals(r.sandbox())) {
            return false;
        }
        if (text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        for (String field : new String[] {r.host(), r.method(), r.rule(), r.reason(), r.sandbox(), r.path(),
            String.valueOf(r.port())}) {
            if (field != null && field.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
