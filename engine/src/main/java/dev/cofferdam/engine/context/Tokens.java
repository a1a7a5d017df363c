package dev.cofferdam.engine.context;

/** Token estimate used for budgets: about four characters per token (rounded up). Thread-safe. */
public final class Tokens {
    private Tokens() {
    }

    public static int estimate(CharSequence text) {
        return (text.length() + 3) / 4;
    }
}
