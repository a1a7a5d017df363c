package dev.cofferdam.engine.context;

/** Token estimate used for budgets: about four characters per token (rounded up). Thread-safe. */
public final class Tokens {
    private Tokens() {
    }

    public static int estimate(CharSequence text) {
        return ofChars(text.length());
    }

    /** The estimate for a text of {@code chars} characters. */
    public static int ofChars(int chars) {
        return (chars + 3) / 4;
    }
}
