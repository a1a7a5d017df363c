package dev.cofferdam.app.cli;

import dev.cofferdam.vm.policy.PolicyException;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cofferdam sandbox rm NAME...}: removes sandboxes and all they left (never the workspace). */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = "Remove sandboxes: processes, sockets, logs, state, own policy file. The workspace is left"
                + " untouched.")
final class SandboxRmCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", arity = "1..*")
    List<String> names;

    @Override
    public Integer call() {
        try (SandboxService service = VmCli.service()) {
            for (String n : names) {
                service.remove(n);
                try {
                    SandboxPolicyFlags.forget(n);
                } catch (PolicyException e) {
                    System.err.println("cofferdam: warning: " + e.getMessage());
                }
                System.out.println(n);
            }
            return CofferdamCommand.EXIT_OK;
        } catch (SandboxException e) {
            return VmCli.fail(e);
        }
    }
}
