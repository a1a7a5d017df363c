package dev.cofferdam.vm.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short host command to completion and returns its output. Stateless and thread-safe. */
public final class HostCommand {
    private HostCommand() {
    }

    /**
     * Runs {@code command} in {@code dir} (null: current directory), stdout and stderr merged.
     *
     * @return the combined output
     * @throws IOException when it cannot start, fails, or runs longer than {@code timeoutSeconds}
     */
    public static String run(Path dir, long timeoutSeconds, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " timed out");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                String last = text.strip().lines().reduce((a, b) -> b).orElse("exit " + p.exitValue());
                throw new IOException(String.join(" ", command.subList(0, Math.min(3, command.size())))
                        + " failed: " + last);
            }
            return text;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " interrupted", e);
        }
    }

    /** Whether an executable of that name is on the PATH (or is an absolute, executable path). */
    public static boolean onPath(String name) {
        if (name.startsWith("/")) {
            return java.nio.file.Files.isExecutable(Path.of(name));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String d : path.split(":")) {
            if (!d.isEmpty() && java.nio.file.Files.isExecutable(Path.of(d, name))) {
                return true;
            }
        }
        return false;
    }
}
