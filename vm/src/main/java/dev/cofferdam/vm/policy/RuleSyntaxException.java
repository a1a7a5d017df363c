package dev.cofferdam.vm.policy;

/**
 * A rule that does not parse. The message names the 1-based column of the error, e.g.
 * {@code column 3: '*' may only be a whole first label}.
 */
public final class RuleSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int column;

    public RuleSyntaxException(int column, String message) {
        super("column " + column + ": " + message);
        this.column = column;
    }

    /** @return the 1-based column of the error in the rule text */
    public int column() {
        return column;
    }
}
