package dev.cofferdam.app.terminal;

import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's standard input terminal switched to raw mode ({@code stty raw -echo}): keys
 * arrive one by one, unechoed, and Ctrl-C or Ctrl-Z are plain bytes. {@link #close} restores the
 * saved settings; a JVM shutdown hook does it too when the process is killed. Thread-safe.
 */
final class RawMode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RawMode.class);
    private static final ProcessBuilder.Redirect STDIN = ProcessBuilder.Redirect.INHERIT;

    private final String saved;
    private final Thread hook;
    private boolean restored;

    private RawMode(String saved) {
        this.saved = saved;
        this.hook = new Thread(this::restore, "terminal-restore");
    }

    /** Switches standard input to raw mode; empty when it is not a terminal. */
    static Optional<RawMode> enter() {
        String saved;
        try {
            saved = TerminalSizes.Stty.run(STDIN, "-g");
        } catch (IOException e) {
            return Optional.empty();
        }
        RawMode mode = new RawMode(saved);
        Runtime.getRuntime().addShutdownHook(mode.hook);
        try {
            TerminalSizes.Stty.run(STDIN, "raw", "-echo");
        } catch (IOException e) {
            mode.close();
            return Optional.empty();
        }
        return Optional.of(mode);
    }

    private synchronized void restore() {
        if (restored) {
            return;
        }
        restored = true;
        try {
            TerminalSizes.Stty.run(STDIN, saved);
        } catch (IOException e) {
            LOG.warn("the terminal settings could not be restored (run `stty sane`): {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (and finds the terminal restored)
        }
    }
}
