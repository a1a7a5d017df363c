package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.ui.common.FxTasks;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.sandbox.ExecRequest;
import dev.cofferdam.vm.sandbox.ExecResult;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line-based terminal over a sandbox's exec channel: a typed line runs as {@code sh -c LINE};
 * while a command runs, typed lines go to its standard input. Output (stdout and stderr, with
 * control sequences shown as they come: no VT100 emulation) is batched onto the FX thread and
 * the text is capped at {@value #MAX_CHARS} characters. FX thread only, except the output listener.
 */
public final class TerminalViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalViewModel.class);
    static final int MAX_CHARS = 200_000;

    private final UiThreads threads;
    private final SandboxService service;
    private final String sandbox;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final StringBuilder pending = new StringBuilder();
    private final AtomicBoolean posted = new AtomicBoolean();
    private OutputStream stdin;

    public TerminalViewModel(UiThreads threads, SandboxService service, String sandbox) {
        this.threads = threads;
        this.service = service;
        this.sandbox = sandbox;
    }

    /** Runs the line as a command, or feeds it to the running command's standard input. */
    public void submit(String line) {
        if (running.get()) {
            feed(line);
            return;
        }
        if (line.isBlank()) {
            return;
        }
        append("$ " + line + "\n");
        running.set(true);
        PipedInputStream in = new PipedInputStream(64 * 1024);
        try {
            stdin = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ExecRequest req = new ExecRequest(List.of("sh", "-c", line), Map.of(), "", Optional.empty(), in);
        FxTasks.create(() -> service.exec(sandbox, req,
                (err, data, len) -> append(new String(data, 0, len, StandardCharsets.UTF_8))))
                .onSuccess((ExecResult r) -> append("[exit " + r.exitCode() + ", " + r.millis() + " ms]\n"))
                .onError(SandboxException.class, e -> append("[" + e.getMessage() + "]\n"))
                .andFinally(this::ended)
                .runOnce(threads);
    }

    private void feed(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            append(line + "\n");
        } catch (IOException e) {
            append("[stdin closed: " + e.getMessage() + "]\n");
        }
    }

    /** Closes the running command's standard input (Ctrl-D). */
    public void endInput() {
        if (stdin != null) {
            try {
                stdin.close();
            } catch (IOException e) {
                LOG.debug("closing stdin", e);
            }
        }
    }

    private void ended() {
        endInput();
        stdin = null;
        running.set(false);
    }

    /** Any thread: queue output, post at most one FX update. */
    private void append(String s) {
        synchronized (pending) {
            pending.append(s);
        }
        if (posted.compareAndSet(false, true)) {
            threads.fx().execute(this::flush);
        }
    }

    private void flush() {
        posted.set(false);
        String chunk;
        synchronized (pending) {
            chunk = pending.toString();
            pending.setLength(0);
        }
        String all = text.get() + chunk;
        text.set(all.length() > MAX_CHARS ? all.substring(all.length() - MAX_CHARS) : all);
    }

    public void clear() {
        text.set("");
    }

    public String sandbox() {
        return sandbox;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
