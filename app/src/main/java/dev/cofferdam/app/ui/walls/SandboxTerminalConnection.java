package dev.cofferdam.app.ui.walls;

import dev.cofferdam.vm.sandbox.ExecRequest;
import dev.cofferdam.vm.sandbox.ExecResult;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.TerminalSize;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter between the workbench terminal and a sandbox: runs the guest's login shell (bash
 * when the guest has it, else sh) under a PTY through {@link SandboxService#exec} on a thread of
 * its own, feeding its standard input from a pipe that {@link #send} writes. Closing interrupts
 * that thread, which closes the exec channel, and the guest agent then kills the shell. The exec
 * call has no way to change the PTY's size once started, so {@link #resize} is only logged: the
 * session gets the terminal's size at start. This is the one class to change when the sandbox
 * service offers interactive sessions with resize (write, resize, signal, close). Thread-safe.
 */
final class SandboxTerminalConnection implements TerminalConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxTerminalConnection.class);
    static final List<String> SHELL = List.of("sh", "-c",
            "if command -v bash >/dev/null 2>&1; then exec bash -l; else exec sh -l; fi");

    private final String sandbox;
    private final PipedOutputStream stdin;
    private final Thread worker;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxTerminalConnection(SandboxService service, String sandbox, TerminalSize size, Listener listener) {
        this.sandbox = sandbox;
        PipedInputStream in = new PipedInputStream(64 * 1024);
        try {
            stdin = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ExecRequest req = new ExecRequest(SHELL, Map.of("COLORTERM", "truecolor"), "", Optional.of(size), in);
        worker = new Thread(() -> run(service, req, listener), "terminal-" + sandbox);
        worker.setDaemon(true);
    }

    /** Opens sessions of the login shell in {@code sandbox}. */
    static Opener opener(SandboxService service, String sandbox) {
        return (rows, cols, listener) -> {
            SandboxTerminalConnection c = new SandboxTerminalConnection(service, sandbox,
                    new TerminalSize(rows, cols), listener);
            c.worker.start();
            return c;
        };
    }

    private void run(SandboxService service, ExecRequest req, Listener listener) {
        String status;
        try {
            ExecResult r = service.exec(sandbox, req, (err, data, len) -> listener.output(data, len));
            status = "exit " + r.exitCode();
        } catch (SandboxException e) {
            status = closed.get() ? "closed" : e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("terminal session in {} failed", sandbox, e);
            status = "failed: " + e.getMessage();
        }
        listener.ended(status);
    }

    @Override
    public void send(byte[] data) {
        if (closed.get()) {
            return;
        }
        try {
            synchronized (stdin) {
                stdin.write(data);
                stdin.flush();
            }
        } catch (IOException e) {
            LOG.debug("terminal input for {} dropped: {}", sandbox, e.getMessage());
        }
    }

    @Override
    public boolean resize(int rows, int cols) {
        LOG.info("terminal of {} is now {}x{}; not forwarded (the exec channel cannot resize a running PTY yet)",
                sandbox, rows, cols);
        return false;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                stdin.close();
            } catch (IOException e) {
                LOG.debug("closing terminal input", e);
            }
            worker.interrupt();
        }
    }
}
