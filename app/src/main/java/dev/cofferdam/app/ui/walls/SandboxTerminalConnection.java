package dev.cofferdam.app.ui.walls;

import dev.cofferdam.vm.sandbox.ExecRequest;
import dev.cofferdam.vm.sandbox.ExecResult;
import dev.cofferdam.vm.sandbox.ExecSession;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.TerminalSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter between the workbench terminal and a sandbox: an {@link ExecSession} under a PTY,
 * opened on a thread of its own (so the FX thread never waits for the guest), which then waits for
 * the command's exit. Keys go to {@link ExecSession#write}, size changes to
 * {@link ExecSession#resize}; closing kills the command. Keys typed while the session opens are
 * kept and sent once it is open. Thread-safe.
 */
final class SandboxTerminalConnection implements TerminalConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxTerminalConnection.class);

    private final String sandbox;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object inputLock = new Object();
    private final List<byte[]> early = new ArrayList<>();
    private volatile ExecSession session;

    private SandboxTerminalConnection(String sandbox) {
        this.sandbox = sandbox;
    }

    /** Opens sessions of the login shell in {@code sandbox}. */
    static Opener opener(SandboxService service, String sandbox) {
        return opener(service, sandbox, size -> new ExecRequest(ExecRequest.LOGIN_SHELL, Map.of("COLORTERM", "truecolor"), "",
                Optional.of(size), null), code -> { });
    }

    /**
     * Opens sessions of any command.
     *
     * @param command the request for a terminal of a given size (its stdin must be null)
     * @param onExit  gets the exit code, or -1 when the session failed or was closed, on the session's thread
     */
    static Opener opener(SandboxService service, String sandbox, Function<TerminalSize, ExecRequest> command,
            IntConsumer onExit) {
        return (rows, cols, listener) -> {
            SandboxTerminalConnection c = new SandboxTerminalConnection(sandbox);
            Thread t = new Thread(() -> c.run(service, command.apply(new TerminalSize(rows, cols)), listener, onExit),
                    "terminal-" + sandbox);
            t.setDaemon(true);
            t.start();
            return c;
        };
    }

    private void run(SandboxService service, ExecRequest req, Listener listener, IntConsumer onExit) {
        String status;
        int code = -1;
        try (ExecSession s = service.open(sandbox, req, (err, data, len) -> listener.output(data, len))) {
            synchronized (inputLock) {
                session = s;
                for (byte[] data : early) {
                    write(s, data);
                }
                early.clear();
            }
            if (closed.get()) {
                s.close();
            }
            ExecResult r = s.awaitExit();
            code = r.exitCode();
            status = "exit " + code;
        } catch (SandboxException e) {
            status = closed.get() ? "closed" : e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = "closed";
        } catch (RuntimeException e) {
            LOG.warn("terminal session in {} failed", sandbox, e);
            status = "failed: " + e.getMessage();
        }
        listener.ended(status);
        onExit.accept(code);
    }

    @Override
    public void send(byte[] data) {
        if (closed.get()) {
            return;
        }
        synchronized (inputLock) {
            if (session == null) {
                early.add(data.clone());
            } else {
                write(session, data);
            }
        }
    }

    private void write(ExecSession s, byte[] data) {
        try {
            s.write(data);
        } catch (SandboxException | IllegalStateException e) {
            LOG.debug("terminal input for {} dropped: {}", sandbox, e.getMessage());
        }
    }

    @Override
    public boolean resize(int rows, int cols) {
        ExecSession s = session;
        if (s == null) {
            return false;
        }
        try {
            s.resize(new TerminalSize(rows, cols));
            return true;
        } catch (SandboxException | IllegalArgumentException e) {
            LOG.debug("terminal of {} not resized: {}", sandbox, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ExecSession s = session;
            if (s != null) {
                // ExecSession.close waits for its reader thread, which may itself wait for the FX thread
                // to take output: never close from the caller's (FX) thread.
                Thread t = new Thread(s::close, "terminal-close-" + sandbox);
                t.setDaemon(true);
                t.start();
            }
        }
    }
}
