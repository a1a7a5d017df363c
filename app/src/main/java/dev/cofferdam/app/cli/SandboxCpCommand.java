package dev.cofferdam.app.cli;

import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cofferdam sandbox cp SRC DST}: copies a file or directory tree between host and guest (NAME:PATH). */
@Command(name = "cp", mixinStandardHelpOptions = true,
        description = {"Copy a file or a directory tree: `cp PATH NAME:/path` into a sandbox, `cp NAME:/path PATH` out.",
            "Like `cp -r` and `docker cp`: onto an existing directory the source lands inside it under its own name"
                    + " (SRC ending in /. copies only its contents, merged); otherwise it becomes DST, whose parent"
                    + " must exist. A directory never replaces a file, nor a file a directory.",
            "Modes and symbolic links are kept (links are copied as links, never followed); files belong to the"
                    + " copying user. The copy is unpacked beside DST and renamed into place, so a failed copy"
                    + " leaves DST untouched."})
final class SandboxCpCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SRC", description = "A host path, or NAME:/absolute/path in a sandbox.")
    String source;

    @Parameters(index = "1", paramLabel = "DST", description = "A host path, or NAME:/absolute/path in a sandbox.")
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
