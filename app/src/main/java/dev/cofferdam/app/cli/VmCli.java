package dev.cofferdam.app.cli;

import dev.cofferdam.vm.egress.EgressLogException;
import dev.cofferdam.vm.egress.EgressRuntime;
import dev.cofferdam.vm.egress.Resolver;
import dev.cofferdam.vm.image.BuildListener;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.PolicyException;
import dev.cofferdam.vm.sandbox.ProxyEgressRelay;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.VmDirs;
import dev.cofferdam.vm.secret.CredentialVault;
import dev.cofferdam.vm.secret.SecretException;
import java.io.IOException;
import java.io.PrintStream;

/** Shared plumbing of the sandbox, image and doctor commands: the service, errors, progress. */
final class VmCli {
    private VmCli() {
    }

    /** The sandbox service and the egress runtime its guests go out through (this process serves it). */
    record Vm(SandboxService sandboxes, EgressRuntime egress) implements AutoCloseable {
        @Override
        public void close() throws SandboxException {
            sandboxes.close();
        }
    }

    /**
     * A service over the user's XDG directories whose guests reach the network only through the
     * egress proxy (policy files, egress log and vault from {@link CofferdamDirs}). While this
     * process runs it serves the egress of every running sandbox that no other process serves.
     */
    static SandboxService service() throws SandboxException {
        return open().sandboxes();
    }

    /** As {@link #service()}, keeping the egress runtime at hand (host services, log). */
    static Vm open() throws SandboxException {
        EgressRuntime runtime;
        CredentialVault vault;
        try {
            CofferdamDirs dirs = CofferdamDirs.fromEnvironment();
            vault = CredentialVault.open(dirs.config());
            runtime = EgressRuntime.open(dirs, Resolver.system(), vault, null);
        } catch (EgressLogException | SecretException e) {
            throw new SandboxException("the egress proxy cannot start: " + e.getMessage(), false, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "egress-shutdown"));
        ProxyEgressRelay relay = new ProxyEgressRelay(runtime, vault);
        return new Vm(new SandboxService(VmDirs.defaults(), relay, SandboxService.Options.defaults()), runtime);
    }

    /** Prints the one-line reason and returns the CLI exit code (2 bad input, 1 otherwise). */
    static int fail(Exception e, boolean badInput) {
        System.err.println("cofferdam: " + e.getMessage());
        return badInput ? CofferdamCommand.EXIT_BAD_INPUT : CofferdamCommand.EXIT_INTERNAL;
    }

    static int fail(SandboxException e) {
        return fail(e, e.isBadInput());
    }

    /** A policy that cannot be written (an I/O failure) is internal; a malformed one is bad input. */
    static int fail(PolicyException e) {
        return fail(e, !(e.getCause() instanceof IOException));
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
