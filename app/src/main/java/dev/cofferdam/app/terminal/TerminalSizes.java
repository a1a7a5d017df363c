package dev.cofferdam.app.terminal;

import dev.cofferdam.vm.sandbox.TerminalSize;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The size of this process's controlling terminal, read with {@code stty size} on /dev/tty. Stateless. */
public final class TerminalSizes {
    private TerminalSizes() {
    }

    /** The current window size, or empty when this process has no terminal. */
    public static Optional<TerminalSize> current() {
        try {
            String out = Stty.run(ProcessBuilder.Redirect.from(new File("/dev/tty")), "size");
            if (out.matches("\\d+ \\d+")) {
                String[] f = out.split(" ");
                return Optional.of(new TerminalSize(Integer.parseInt(f[0]), Integer.parseInt(f[1])));
            }
        } catch (IOException | IllegalArgumentException e) {
            // no terminal, or a zero size (a pseudo-terminal nobody sized): unknown
        }
        return Optional.empty();
    }

    /** Runs {@code stty} with its standard input redirected (stty acts on that terminal). */
    static final class Stty {
        private Stty() {
        }

        /**
         * @return what stty printed, stripped
         * @throws IOException when stty fails (the input is not a terminal) or does not finish
         */
        static String run(ProcessBuilder.Redirect input, String... args) throws IOException {
            String[] cmd = new String[args.length + 1];
            cmd[0] = "stty";
            System.arraycopy(args, 0, cmd, 1, args.length);
            Process p = new ProcessBuilder(cmd).redirectInput(input).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("stty did not finish");
                }
                if (p.exitValue() != 0) {
                    throw new IOException("stty " + String.join(" ", args) + " failed: not a terminal");
                }
                return out;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running stty", e);
            }
        }
    }
}
