package dev.cofferdam.app.cli;

import dev.cofferdam.vm.image.BuildListener;
import dev.cofferdam.vm.sandbox.RefusingEgressRelay;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.VmDirs;
import java.io.PrintStream;

/** Shared plumbing of the sandbox, image and doctor commands: the service, errors, progress. */
final class VmCli {
    private VmCli() {
    }

    /** A service over the user's XDG directories; its egress relay refuses everything. */
    static SandboxService service() throws SandboxException {
        return new SandboxService(VmDirs.defaults(), new RefusingEgressRelay(), SandboxService.Options.defaults());
    }

    /** Prints the one-line reason and returns the CLI exit code (2 bad input, 1 otherwise). */
    static int fail(Exception e, boolean badInput) {
        System.err.println("cofferdam: " + e.getMessage());
        return badInput ? CofferdamCommand.EXIT_BAD_INPUT : CofferdamCommand.EXIT_INTERNAL;
    }

    static int fail(SandboxException e) {
        return fail(e, e.isBadInput());
    }

    /** A progress line on stderr, redrawn in place when stderr is a terminal; silent otherwise. */
    static BuildListener progress() {
        if (System.console() == null) {
            return BuildListener.NONE;
        }
        PrintStream err = System.err;
        return (step, done, total) -> {
            err.print("\r\033[K[" + done + "/" + total + "] " + step);
            if (done >= total) {
                err.println();
            }
            err.flush();
        };
    }
}
