package dev.cofferdam.app.cli;

import dev.cofferdam.vm.policy.PolicyException;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What {@code sandbox create} and {@code sandbox run} share: the sandbox's options and its network
 * flags, validated before any VM work, and the way their failures are reported.
 */
abstract class SandboxSetupCommand implements Callable<Integer> {
    @Mixin
    SandboxOptions options;

    @Mixin
    SandboxPolicyFlags network;

    @Override
    public final Integer call() {
        SandboxPolicyFlags.Edit edit;
        try {
            edit = network.edit();
        } catch (IllegalArgumentException e) {
            return VmCli.fail(e, true);
        }
        try (SandboxService service = VmCli.service()) {
            return run(service, edit);
        } catch (SandboxException e) {
            return VmCli.fail(e);
        } catch (PolicyException e) {
            return VmCli.fail(e);
        }
    }

    /** The command itself, once its flags are valid; @return the exit code */
    abstract int run(SandboxService service, SandboxPolicyFlags.Edit edit) throws SandboxException, PolicyException;
}
