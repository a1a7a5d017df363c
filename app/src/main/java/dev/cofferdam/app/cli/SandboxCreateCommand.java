package dev.cofferdam.app.cli;

import dev.cofferdam.vm.policy.PolicyException;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cofferdam sandbox create NAME}: creates and boots a sandbox. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a sandbox and boot it.")
final class SandboxCreateCommand extends SandboxSetupCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Sandbox name (a-z, 0-9, -).")
    String name;

    @Override
    int run(SandboxService service, SandboxPolicyFlags.Edit edit) throws SandboxException, PolicyException {
        if (service.list().stream().anyMatch(i -> i.name().equals(name))) {
            throw new SandboxException("a sandbox named " + name + " already exists", true, null);
        }
        edit.apply(name);
        SandboxInfo info = service.create(options.spec(name), VmCli.progress());
        if (!info.warning().isEmpty()) {
            System.err.println("cofferdam: warning: " + info.warning());
        }
        System.out.println(info.name());
        return CofferdamCommand.EXIT_OK;
    }
}
