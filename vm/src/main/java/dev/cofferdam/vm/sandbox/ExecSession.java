package dev.cofferdam.vm.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A command running in a sandbox, opened with {@link SandboxService#open}: feed its standard
 * input, resize its terminal, signal it, wait for it to exit. Its output goes to the
 * {@link ExecListener} given at open, called on this session's own reader thread, one call at
 * a time, in order; after the command exits (or the session fails or is closed) the listener
 * is not called again.
 *
 * <p>Thread-safe: every method may be called from any thread. Once the command has ended,
 * {@link #write}, {@link #resize} and {@link #signal} do nothing, so a terminal may keep sending
 * keys and sizes without checking. The session holds one of the sandbox's exec ports until the
 * command exits or {@link #close} is called.
 */
public final class ExecSession implements AutoCloseable {
    private static final int CHUNK = 32768;

    private final AgentChannel channel;
    private final int id;
    private final String sandbox;
    private final boolean tty;
    private final ExecListener listener;
    private final Function<IOException, SandboxException> lost;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<ExecResult> exit = new CompletableFuture<>();
    private final AtomicBoolean channelClosed = new AtomicBoolean();
    private final Object stdinLock = new Object();
    private boolean stdinClosed;
    private volatile boolean closing;
    private Thread reader;

    private ExecSession(AgentChannel channel, int id, String sandbox, boolean tty, ExecListener listener,
                        Function<IOException, SandboxException> lost) {
        this.channel = channel;
        this.id = id;
        this.sandbox = sandbox;
        this.tty = tty;
        this.listener = listener;
        this.lost = lost;
    }

    /**
     * Starts the command on {@code channel}, which the session then owns (and closes).
     *
     * @param lost explains a channel that broke while the command ran (the sandbox stopped...)
     */
    static ExecSession start(AgentChannel channel, String sandbox, ExecRequest req, Map<String, String> env,
                             String cwd, ExecListener listener, Function<IOException, SandboxException> lost)
            throws SandboxException {
        int id;
        try {
            id = channel.startExec(req, env, cwd);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof IllegalArgumentException bad) {
                throw new SandboxException(bad.getMessage());
            }
            throw new SandboxException("exec in sandbox " + sandbox + " failed: " + e.getMessage(), false, e);
        }
        ExecSession s = new ExecSession(channel, id, sandbox, req.tty().isPresent(), listener, lost);
        s.reader = new Thread(s::readLoop, "exec-" + sandbox + "-" + id);
        s.reader.setDaemon(true);
        s.reader.start();
        return s;
    }

    /** Whether the command runs under a pseudo-terminal (so {@link #resize} has an effect). */
    public boolean isTerminal() {
        return tty;
    }

    /**
     * Sends bytes to the command's standard input (under a terminal: as typed keys, so Ctrl-C is
     * byte 3). May block while the guest is not reading. Does nothing once the command ended.
     *
     * @throws IllegalStateException after {@link #closeStdin}
     * @throws SandboxException      when the channel to the guest broke
     */
    public void write(byte[] data, int offset, int length) throws SandboxException {
        synchronized (stdinLock) {
            if (exit.isDone()) {
                return;
            }
            if (stdinClosed) {
                throw new IllegalStateException("standard input is closed");
            }
            for (int at = offset; at < offset + length; at += CHUNK) {
                int end = Math.min(offset + length, at + CHUNK);
                send(FrameType.STDIN, Arrays.copyOfRange(data, at, end));
            }
        }
    }

    /** Same as {@code write(data, 0, data.length)}. */
    public void write(byte[] data) throws SandboxException {
        write(data, 0, data.length);
    }

    /**
     * Ends the command's standard input (a pipe is closed; under a terminal the agent types
     * Ctrl-D, the terminal's end of input). Idempotent.
     */
    public void closeStdin() throws SandboxException {
        synchronized (stdinLock) {
            if (!stdinClosed) {
                stdinClosed = true;
                send(FrameType.STDIN_EOF, new byte[0]);
            }
        }
    }

    /** Sets the terminal's window size (the command gets SIGWINCH). Without a terminal it does nothing. */
    public void resize(TerminalSize size) throws SandboxException {
        if (tty) {
            send(FrameType.RESIZE, Frame.resizePayload(size));
        }
    }

    /**
     * Sends a Linux signal (2 SIGINT, 9 SIGKILL, 15 SIGTERM...) to the command's process group.
     *
     * @throws IllegalArgumentException when {@code signal} is not within 1..64
     */
    public void signal(int signal) throws SandboxException {
        send(FrameType.SIGNAL, Frame.signalPayload(signal));
    }

    /**
     * Waits for the command to exit.
     *
     * @throws SandboxException when the sandbox stopped, the channel broke, the listener threw, or
     *                          the session was closed before the command exited
     */
    public ExecResult awaitExit() throws SandboxException, InterruptedException {
        try {
            return exit.get();
        } catch (ExecutionException e) {
            throw (SandboxException) e.getCause();
        }
    }

    /**
     * Completes when the command exits (or exceptionally, with a {@link SandboxException}, as
     * {@link #awaitExit} would throw); dependent actions run on the reader thread unless async.
     */
    public CompletionStage<ExecResult> onExit() {
        return exit.minimalCompletionStage();
    }

    /** Whether the command has ended (or the session failed or was closed). */
    public boolean isDone() {
        return exit.isDone();
    }

    /**
     * Ends the session without waiting for the command: the channel closes, and the guest agent
     * kills the command's process group. Idempotent; when it returns, the listener is not called
     * again (unless called from the listener itself).
     */
    @Override
    public void close() {
        closing = true;
        closeChannel();
        if (Thread.currentThread() != reader) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Feeds {@code stdin} (or none when null) on a helper thread, waits for the exit, closes the
     * session: the blocking form behind {@link SandboxService#exec}.
     */
    ExecResult runToExit(InputStream stdin) throws SandboxException {
        try (this) {
            if (stdin == null) {
                closeStdin();
            } else {
                Thread pump = new Thread(() -> pump(stdin), "exec-stdin-" + sandbox + "-" + id);
                pump.setDaemon(true);
                pump.start();
            }
            return awaitExit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("exec in sandbox " + sandbox + " was interrupted", false, e);
        }
    }

    private void pump(InputStream stdin) {
        byte[] buf = new byte[CHUNK];
        try {
            int n;
            while ((n = stdin.read(buf)) > 0 && !isDone()) {
                write(buf, 0, n);
            }
            closeStdin();
        } catch (IOException | SandboxException e) {
            // the command ended or the channel broke: the reader reports it
        }
    }

    private void send(FrameType type, byte[] payload) throws SandboxException {
        if (exit.isDone()) {
            return;
        }
        try {
            channel.send(new Frame(type, id, payload));
        } catch (IOException e) {
            if (!channelClosed.get()) {
                throw new SandboxException("the connection to sandbox " + sandbox + " broke: " + e.getMessage(), false, e);
            }
        }
    }

    private void readLoop() {
        SandboxException failure = null;
        ExecResult result = null;
        try {
            while (result == null && failure == null) {
                Frame f = channel.read();
                if (f.id() != id) {
                    continue;
                }
                switch (f.type()) {
                    case STDOUT -> listener.output(false, f.payload(), f.payload().length);
                    case STDERR -> listener.output(true, f.payload(), f.payload().length);
                    case EXIT -> result = new ExecResult(f.exitCode(), (System.nanoTime() - startNanos) / 1_000_000);
                    case ERROR -> failure = new SandboxException("exec in sandbox " + sandbox + " failed: guest agent: "
                            + f.text(), false, null);
                    default -> { }
                }
            }
        } catch (IOException e) {
            failure = closing
                    ? new SandboxException("the session in sandbox " + sandbox + " was closed before its command exited",
                            false, e)
                    : lost.apply(e);
        } catch (RuntimeException e) {
            failure = new SandboxException("exec in sandbox " + sandbox + ": the output could not be handled: "
                    + e.getMessage(), false, e);
        }
        closeChannel();
        if (result != null) {
            exit.complete(result);
        } else {
            exit.completeExceptionally(failure);
        }
    }

    private void closeChannel() {
        if (channelClosed.compareAndSet(false, true)) {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(AgentChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the socket is gone either way; the lock file is released with the process
        }
    }
}
