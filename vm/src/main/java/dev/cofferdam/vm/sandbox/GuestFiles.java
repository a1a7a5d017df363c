package dev.cofferdam.vm.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Installs small text files into a guest through the exec agent (guest side: sh and cat). Stateless. */
final class GuestFiles {
    private GuestFiles() {
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

    private static String firstLine(ByteArrayOutputStream err) {
        return err.toString().strip().lines().findFirst().orElse("no error output");
    }
}
