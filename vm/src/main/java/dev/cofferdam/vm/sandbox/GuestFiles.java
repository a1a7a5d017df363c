package dev.cofferdam.vm.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** File copy between host and guest through the exec agent (guest side: busybox cat). Stateless. */
final class GuestFiles {
    private GuestFiles() {
    }

    static void write(SandboxService service, String name, String guestPath, InputStream content)
            throws SandboxException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecRequest req = ExecRequest.of("sh", "-c", "cat > \"$1\"", "sh", guestPath).withStdin(content);
        ExecResult r = service.exec(name, req, (isErr, data, len) -> err.write(data, 0, len));
        if (r.exitCode() != 0) {
            throw new SandboxException("cp to " + name + ":" + guestPath + " failed: " + firstLine(err));
        }
    }

    /** Writes text to a guest path, creating its directory. */
    static void install(SandboxService service, String name, String guestPath, String content) throws SandboxException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecRequest req = ExecRequest.of("sh", "-c", "mkdir -p \"${1%/*}\" && cat > \"$1\"", "sh", guestPath)
                .withStdin(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        ExecResult r = service.exec(name, req, (isErr, data, len) -> err.write(data, 0, len));
        if (r.exitCode() != 0) {
            throw new SandboxException("installing " + guestPath + " in " + name + " failed: " + firstLine(err), false, null);
        }
    }

    static void read(SandboxService service, String name, String guestPath, Path hostFile) throws SandboxException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path tmp;
        try {
            Path parent = hostFile.toAbsolutePath().getParent();
            tmp = Files.createTempFile(parent, ".cofferdam-cp-", ".part");
        } catch (IOException e) {
            throw new SandboxException("cannot write into " + hostFile.toAbsolutePath().getParent() + ": " + e.getMessage());
        }
        try {
            ExecResult r;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                r = service.exec(name, ExecRequest.of("cat", "--", guestPath), (isErr, data, len) -> {
                    if (isErr) {
                        err.write(data, 0, len);
                    } else {
                        try {
                            out.write(data, 0, len);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            }
            if (r.exitCode() != 0) {
                throw new SandboxException("cp from " + name + ":" + guestPath + " failed: " + firstLine(err));
            }
            Files.move(tmp, hostFile, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UncheckedIOException e) {
            throw new SandboxException("cp to " + hostFile + " failed: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // best effort: the temporary file is hidden and small
            }
        }
    }

    private static String firstLine(ByteArrayOutputStream err) {
        return err.toString().strip().lines().findFirst().orElse("no error output");
    }
}
