package dev.cofferdam.vm.sandbox;

/**
 * Receives a running command's output as it arrives, on the reader thread of its
 * {@link ExecSession} (one call at a time, in order), never after the command has ended.
 */
@FunctionalInterface
public interface ExecListener {
    ExecListener DISCARD = (err, data, len) -> { };

    /**
     * @param stderr whether this is standard error (else standard output)
     * @param data   the bytes; only valid during the call
     * @param length how many bytes of {@code data} are valid
     */
    void output(boolean stderr, byte[] data, int length);
}
