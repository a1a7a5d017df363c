package dev.cofferdam.vm.image.oci;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Unpacks a tar stream with the host's GNU tar, as root: modes, numeric owners, symbolic and
 * hard links, device nodes are kept as they are in the archive. Stateless and thread-safe.
 */
final class TarUnpack {
    private TarUnpack() {
    }

    /**
     * @param log where tar's messages go (kept for the error message)
     * @throws IOException when tar cannot start or fails; the message has its last line
     */
    static void into(Path dir, InputStream tar, Path log) throws IOException {
        Process p = new ProcessBuilder(List.of("tar", "--extract", "--file=-", "--directory=" + dir,
                "--numeric-owner", "--same-owner", "--preserve-permissions"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        IOException broken = null;
        try (OutputStream in = p.getOutputStream()) {
            tar.transferTo(in);
        } catch (IOException e) {
            broken = e;
        }
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("tar did not finish unpacking within 10 minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking", e);
        }
        if (p.exitValue() != 0) {
            String last = Files.readString(log, StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElse("");
            throw new IOException("tar failed unpacking the image (exit " + p.exitValue() + "): " + last);
        }
        if (broken != null) {
            throw broken;
        }
    }
}
