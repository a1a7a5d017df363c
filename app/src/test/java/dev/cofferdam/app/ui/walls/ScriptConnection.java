package dev.cofferdam.app.ui.walls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * A terminal session with {@code sh} on this host under a real pseudo-terminal, without native
 * code: util-linux {@code script} opens the PTY, runs the shell on it and talks to us over pipes.
 * Resizes are applied inside the PTY with {@code stty} only at start. For tests.
 */
final class ScriptConnection implements TerminalConnection {
    private final Process process;
    private final OutputStream stdin;

    private ScriptConnection(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
    }

    static TerminalConnection open(int rows, int cols, Listener listener) {
        ProcessBuilder pb = new ProcessBuilder(List.of("script", "-qfec",
                "stty rows " + rows + " cols " + cols + "; exec sh", "/dev/null"));
        Map<String, String> env = pb.environment();
        env.put("TERM", "xterm-256color");
        env.put("PS1", "$ ");
        env.put("ENV", "");
        pb.redirectErrorStream(true);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            listener.ended("cannot run script: " + e.getMessage());
            return new ScriptConnection(null);
        }
        Thread reader = new Thread(() -> pump(p, listener), "script-reader");
        reader.setDaemon(true);
        reader.start();
        return new ScriptConnection(p);
    }

    private static void pump(Process p, Listener listener) {
        byte[] buf = new byte[8192];
        try (InputStream in = p.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                listener.output(buf, n);
            }
            listener.ended("exit " + p.waitFor());
        } catch (IOException | InterruptedException e) {
            listener.ended("closed");
        }
    }

    @Override
    public synchronized void send(byte[] data) {
        if (stdin == null) {
            return;
        }
        try {
            stdin.write(data);
            stdin.flush();
        } catch (IOException e) {
            // the shell has gone: nothing to write to
        }
    }

    @Override
    public boolean resize(int rows, int cols) {
        // script cannot pass a new size to its PTY from outside
        return false;
    }

    @Override
    public void close() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }
}
