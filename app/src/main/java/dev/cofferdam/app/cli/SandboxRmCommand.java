package dev.cofferdam.app.cli;

import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cofferdam sandbox rm NAME...}: removes sandboxes and all they left (never the workspace). */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = "Remove sandboxes: processes, sockets, logs, state. The workspace is left untouched.")
final class SandboxRmCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", arity = "1..*")
    List<String> names;

    @Override
    public Integer call() {
        try (SandboxService service = VmCli.service()) {
            for (String n : names) {
                service.remove(n);
                System.out.println(n);
            }
            return CofferdamCommand.EXIT_OK;
        } catch (SandboxException e) {
            return VmCli.fail(e);
        }
    }
}
