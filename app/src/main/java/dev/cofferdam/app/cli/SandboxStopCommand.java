package dev.cofferdam.app.cli;

import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cofferdam sandbox stop NAME...}: powers sandboxes off; their settings and workspace stay. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop sandboxes (start brings them back).")
final class SandboxStopCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", arity = "1..*")
    List<String> names;

    @Override
    public Integer call() {
        try (SandboxService service = VmCli.service()) {
            for (String n : names) {
                service.stop(n);
                System.out.println(n);
            }
            return CofferdamCommand.EXIT_OK;
        } catch (SandboxException e) {
            return VmCli.fail(e);
        }
    }
}
