package dev.cofferdam.app.cli;

import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cofferdam sandbox cp SRC DST}: copies one file between host and guest; the guest side is NAME:PATH. */
@Command(name = "cp", mixinStandardHelpOptions = true,
        description = "Copy a file: `cp FILE NAME:/path` into a sandbox, `cp NAME:/path FILE` out of it.")
final class SandboxCpCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SRC")
    String source;

    @Parameters(index = "1", paramLabel = "DST")
    String target;

    @Override
    public Integer call() {
        boolean out = isGuest(source);
        if (out == isGuest(target)) {
            System.err.println("cofferdam: exactly one of SRC and DST must be NAME:/absolute/path");
            return CofferdamCommand.EXIT_BAD_INPUT;
        }
        String guest = out ? source : target;
        String name = guest.substring(0, guest.indexOf(':'));
        String path = guest.substring(guest.indexOf(':') + 1);
        try (SandboxService service = VmCli.service()) {
            if (out) {
                service.copyOut(name, path, Path.of(target));
            } else {
                service.copyIn(name, Path.of(source), path);
            }
            return CofferdamCommand.EXIT_OK;
        } catch (SandboxException e) {
            return VmCli.fail(e);
        }
    }

    private static boolean isGuest(String arg) {
        return arg.matches("[a-z0-9][a-z0-9-]*:/.*");
    }
}
