package dev.cofferdam.app.cli;

import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cofferdam sandbox start NAME...}: boots stopped or crashed sandboxes. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start stopped or crashed sandboxes.")
final class SandboxStartCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", arity = "1..*")
    List<String> names;

    @Override
    public Integer call() {
        try (SandboxService service = VmCli.service()) {
            for (String n : names) {
                SandboxInfo info = service.start(n);
                if (!info.warning().isEmpty()) {
                    System.err.println("cofferdam: warning: " + info.warning());
                }
                System.out.println(n);
            }
            return CofferdamCommand.EXIT_OK;
        } catch (SandboxException e) {
            return VmCli.fail(e);
        }
    }
}
