package dev.cofferdam.app.ui.walls;

import dev.cofferdam.vm.policy.Rule;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.RuleParser;
import dev.cofferdam.vm.policy.RuleSyntaxException;
import java.util.Optional;

/**
 * What the rule editor says about the text typed so far: the parsed rule, or the error with its
 * 1-based column; and a warning for rules that allow too much ({@code *}, {@code **}, a whole TLD).
 *
 * @param rule    the parsed rule, if valid
 * @param column  the column of the error, 0 when valid or empty
 * @param message the error or warning text, empty when neither
 * @param warning whether {@code message} is a warning (the rule is still valid)
 */
public record RuleCheck(Optional<Rule> rule, int column, String message, boolean warning) {
    static final RuleCheck EMPTY = new RuleCheck(Optional.empty(), 0, "", false);

    static RuleCheck of(RuleAction action, String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        try {
            Rule r = RuleParser.parse(action, text);
            Optional<String> w = RuleParser.warning(r);
            return new RuleCheck(Optional.of(r), 0, w.map(s -> "warning: " + s).orElse(""), w.isPresent());
        } catch (RuleSyntaxException e) {
            return new RuleCheck(Optional.empty(), e.column(), e.getMessage(), false);
        }
    }

    boolean isError() {
        return rule.isEmpty() && !message.isEmpty();
    }
}
