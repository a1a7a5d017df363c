package dev.cofferdam.app.cli;

import dev.cofferdam.engine.ProgressListener;
import java.io.PrintWriter;

/**
 * A progress line on stderr, rewritten in place with a carriage return, at most ten times a
 * second. Only used when stderr is a terminal. Thread-safe.
 */
final class TerminalProgress implements ProgressListener {
    private final PrintWriter err;
    private long lastNanos;
    private int width;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** A progress line when the process has a terminal ({@code System.console() != null}), else nothing. */
    static ProgressListener forTerminal(PrintWriter err) {
        return System.console() != null ? new TerminalProgress(err) : ProgressListener.NONE;
    }

    @Override
    public synchronized void progress(String phase, long done, long total) {
        long now = System.nanoTime();
        boolean last = total >= 0 && done >= total;
        if (!last && now - lastNanos < 100_000_000L) {
            return;
        }
        lastNanos = now;
        String text = total > 0 ? String.format("cofferdam: %s %d/%d", phase, done, total)
                : String.format("cofferdam: %s %d", phase, done);
        err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        width = text.length();
        err.flush();
    }

    /** Erases the line. */
    synchronized void clear() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    static void clear(ProgressListener p) {
        if (p instanceof TerminalProgress t) {
            t.clear();
        }
    }
}
