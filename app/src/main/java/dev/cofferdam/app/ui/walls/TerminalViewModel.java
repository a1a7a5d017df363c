package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.run.AgentRun;
import dev.cofferdam.app.run.RunException;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * An interactive terminal session in a sandbox: {@link #start} opens one at the terminal's size,
 * output goes straight to the given {@link Sink} (the view batches
 * it onto the FX thread), keys and replies go back through {@link #send}, and when the program
 * ends the status says how and {@link #start} may open a new one. FX thread only, except that
 * the sink is called on the session's reader thread.
 */
public final class TerminalViewModel {
    /** Receives program output on the reader thread. */
    @FunctionalInterface
    public interface Sink {
        void output(byte[] data, int length);
    }

    private final UiThreads threads;
    private final TerminalConnection.Opener opener;
    private final String sandbox;
    private final String label;
    private final boolean restartable;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("not started");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private TerminalConnection connection;
    private int generation;
    private String started = "";

    public TerminalViewModel(UiThreads threads, SandboxService service, String sandbox) {
        this(threads, SandboxTerminalConnection.opener(service, sandbox), sandbox, "shell", true);
    }

    TerminalViewModel(UiThreads threads, TerminalConnection.Opener opener, String sandbox) {
        this(threads, opener, sandbox, "shell", true);
    }

    private TerminalViewModel(UiThreads threads, TerminalConnection.Opener opener, String sandbox, String label,
                              boolean restartable) {
        this.threads = Objects.requireNonNull(threads);
        this.opener = Objects.requireNonNull(opener);
        this.sandbox = Objects.requireNonNull(sandbox);
        this.label = label;
        this.restartable = restartable;
    }

    /** @return whether a new session may follow the end of one (a shell: yes; an agent run: a new launch) */
    public boolean restartable() {
        return restartable;
    }

    /**
     * A terminal on an agent started by the launch dialog: its command under a PTY; when it exits,
     * the run is finished off the FX thread (transcripts copied out, run recorded, sandbox stopped)
     * and the status says how to review it. The sandbox is stopped then, so the session cannot be
     * restarted: a new session is a new launch.
     */
    public static TerminalViewModel forAgent(UiThreads threads, SandboxService service, AgentRun run) {
        TerminalViewModel[] self = new TerminalViewModel[1];
        TerminalConnection.Opener opener = SandboxTerminalConnection.opener(service, run.sandbox(),
                size -> run.command(Optional.of(size), null), code -> threads.background().execute(() -> {
                    String after;
                    try {
                        run.finish(code);
                        after = "session kept; review it with `cofferdam review --run " + run.sandbox() + "`";
                    } catch (RunException e) {
                        after = e.getMessage();
                    }
                    String note = after;
                    threads.fx().execute(() -> self[0].status.set(self[0].status.get() + " — " + note));
                }));
        self[0] = new TerminalViewModel(threads, opener, run.sandbox(), run.agentTitle(), false);
        return self[0];
    }

    /** Opens a session (if none is running) with a terminal of this size, output going to {@code sink}. */
    public void start(int rows, int cols, Sink sink) {
        if (running.get()) {
            return;
        }
        int session = ++generation;
        running.set(true);
        started = cols + "×" + rows;
        status.set(label + " in " + sandbox + ", " + started);
        connection = opener.open(rows, cols, new TerminalConnection.Listener() {
            @Override
            public void output(byte[] data, int length) {
                sink.output(data, length);
            }

            @Override
            public void ended(String how) {
                threads.fx().execute(() -> sessionEnded(session, how));
            }
        });
    }

    private void sessionEnded(int session, String how) {
        if (session != generation) {
            return;
        }
        running.set(false);
        connection = null;
        status.set("ended: " + how);
    }

    /** Bytes for the program (keys, pastes, terminal replies); dropped when nothing runs. */
    public void send(byte[] data) {
        if (connection != null) {
            connection.send(data);
        }
    }

    /** The terminal's size changed; the status says when the program could not be told. */
    public void resize(int rows, int cols) {
        if (connection != null) {
            boolean told = connection.resize(rows, cols);
            status.set(label + " in " + sandbox + ", " + (told ? cols + "×" + rows
                    : started + " (the view is " + cols + "×" + rows + ": a running session cannot be resized yet,"
                    + " exit and Restart to use the new size)"));
        }
    }

    /** Ends the session, if any. */
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
            generation++;
            running.set(false);
            status.set("closed");
        }
    }

    public String sandbox() {
        return sandbox;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
