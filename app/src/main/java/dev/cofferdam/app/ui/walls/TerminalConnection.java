package dev.cofferdam.app.ui.walls;

/**
 * One interactive terminal session with a program: bytes for its input, window size changes and
 * the end. The workbench's terminal only talks to this interface, so where the session comes from
 * (a sandbox exec under a PTY today, see {@link SandboxTerminalConnection}) is one class's
 * business. Implementations are thread-safe.
 */
public interface TerminalConnection {
    /** Writes bytes to the program's input (keys, pastes, terminal replies). */
    void send(byte[] data);

    /**
     * Tells the program its terminal now has this many rows and columns.
     *
     * @return whether the program was told (false when the session cannot pass a size on)
     */
    boolean resize(int rows, int cols);

    /** Ends the session (the program is killed if it is still running). Idempotent. */
    void close();

    /** Receives a session's output and its end, on the thread that reads it. */
    interface Listener {
        /** Program output: {@code data[0..length)} is only valid during the call. */
        void output(byte[] data, int length);

        /** The session is over; {@code status} says how, in one line (e.g. "exit 0"). */
        void ended(String status);
    }

    /** Starts sessions of one program. */
    @FunctionalInterface
    interface Opener {
        /** Starts the program under a terminal of the given size; output and the end go to {@code listener}. */
        TerminalConnection open(int rows, int cols, Listener listener);
    }
}
