package dev.cofferdam.vm.sandbox;

/**
 * The window size of a pseudo-terminal, in character cells. Immutable.
 *
 * @param rows lines
 * @param cols columns
 */
public record TerminalSize(int rows, int cols) {
    /** What a command gets when the caller does not know its terminal's size. */
    public static final TerminalSize DEFAULT = new TerminalSize(24, 80);

    public TerminalSize {
        if (rows < 1 || cols < 1 || rows > 65535 || cols > 65535) {
            throw new IllegalArgumentException("terminal size out of range: " + rows + "x" + cols);
        }
    }
}
