package dev.cofferdam.app.terminal;

import dev.cofferdam.vm.sandbox.ExecListener;
import dev.cofferdam.vm.sandbox.ExecRequest;
import dev.cofferdam.vm.sandbox.ExecSession;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.TerminalSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Runs a sandbox command attached to this process's standard streams, the way {@code docker
 * exec -it} does: under a pseudo-terminal ({@code request.tty()} present) the guest gets this
 * terminal's size and every later size change; with input as well ({@code request.stdin()} not
 * null) and a terminal on standard input, that terminal goes raw (keys pass through unbuffered,
 * Ctrl-C is a byte for the guest) and is restored however the command ends. Stateless; one
 * attached command per process at a time (it owns the process's terminal and SIGWINCH).
 */
public final class InteractiveExec {
    private static final long POLL_MILLIS = 10;

    private InteractiveExec() {
    }

    /**
     * Runs {@code request} in {@code sandbox} and returns its exit code. The request's stdin
     * stream is the input to forward (normally {@code System.in}), or null for none; its terminal
     * size is only the fallback when this process has no terminal.
     *
     * @throws SandboxException when the command cannot start or the sandbox goes away meanwhile
     *                          (the terminal is restored before this is thrown)
     */
    public static int attach(SandboxService service, String sandbox, ExecRequest request) throws SandboxException {
        ExecListener stdio = InteractiveExec::print;
        if (request.tty().isEmpty()) {
            return service.exec(sandbox, request, stdio).exitCode();
        }
        TerminalSize size = TerminalSizes.current().orElse(request.tty().get());
        InputStream input = request.stdin();
        ExecRequest req = new ExecRequest(request.argv(), request.env(), request.cwd(), Optional.of(size), null);
        try (ExecSession session = service.open(sandbox, req, stdio);
             WindowWatch watch = WindowWatch.start(s -> resize(session, s));
             RawMode raw = input != null ? RawMode.enter().orElse(null) : null) {
            if (input != null) {
                Thread pump = new Thread(() -> pump(input, session, raw != null), "stdin-to-" + sandbox);
                pump.setDaemon(true);
                pump.start();
            }
            return session.awaitExit().exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while " + sandbox + " ran the command", false, e);
        }
    }

    private static void print(boolean stderr, byte[] data, int length) {
        PrintStream out = stderr ? System.err : System.out;
        out.write(data, 0, length);
        out.flush();
    }

    private static void resize(ExecSession session, TerminalSize size) {
        try {
            session.resize(size);
        } catch (SandboxException e) {
            // the session is ending: awaitExit reports why
        }
    }

    /**
     * Forwards input until it ends (then closes the command's input) or the command exits. A raw
     * terminal never ends, so it is polled: the pump then stops with the command and does not
     * swallow keys typed after it.
     */
    private static void pump(InputStream in, ExecSession session, boolean terminal) {
        byte[] buf = new byte[8192];
        try {
            while (!session.isDone()) {
                if (terminal && in.available() <= 0) {
                    Thread.sleep(POLL_MILLIS);
                    continue;
                }
                int n = in.read(buf, 0, terminal ? Math.min(buf.length, in.available()) : buf.length);
                if (n < 0) {
                    session.closeStdin();
                    return;
                }
                session.write(buf, 0, n);
            }
        } catch (IOException | SandboxException e) {
            // input or channel gone: awaitExit reports a broken channel
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
