package dev.cofferdam.app.cli;

import dev.cofferdam.vm.sandbox.TerminalSize;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The size of the terminal this CLI runs in, read with {@code stty size} on /dev/tty. */
final class TerminalSizes {
    private TerminalSizes() {
    }

    static TerminalSize current() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("\\d+ \\d+")) {
                String[] f = out.split(" ");
                return new TerminalSize(Integer.parseInt(f[0]), Integer.parseInt(f[1]));
            }
        } catch (IOException | IllegalArgumentException e) {
            // no terminal: the default below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return TerminalSize.DEFAULT;
    }
}
