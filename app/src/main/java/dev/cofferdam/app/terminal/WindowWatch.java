package dev.cofferdam.app.terminal;

import dev.cofferdam.vm.sandbox.TerminalSize;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Passes this process's window size changes (SIGWINCH) to a consumer until closed, then puts
 * the previous handler back. Without SIGWINCH support (not Linux) it watches nothing. Not
 * thread-safe: open and close it on one thread; the consumer runs on the JVM's signal thread.
 */
final class WindowWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WindowWatch.class);
    private static final Signal WINCH = winch();

    private final SignalHandler previous;

    private WindowWatch(SignalHandler previous) {
        this.previous = previous;
    }

    static WindowWatch start(Consumer<TerminalSize> onResize) {
        if (WINCH == null) {
            return new WindowWatch(null);
        }
        SignalHandler handler = sig -> TerminalSizes.current().ifPresent(onResize);
        try {
            return new WindowWatch(Signal.handle(WINCH, handler));
        } catch (IllegalArgumentException e) {
            LOG.debug("SIGWINCH cannot be handled here: {}", e.getMessage());
            return new WindowWatch(null);
        }
    }

    private static Signal winch() {
        try {
            return new Signal("WINCH");
        } catch (IllegalArgumentException e) {
            LOG.debug("no SIGWINCH here: window size changes are not passed on");
            return null;
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(WINCH, previous);
        }
    }
}
