package dev.cofferdam.app.cli;

import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cofferdam sandbox logs NAME}: the guest's console output. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show the end of a sandbox's console log.")
final class SandboxLogsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = {"-n", "--lines"}, defaultValue = "100", description = "Lines to show (default: ${DEFAULT-VALUE}).")
    int lines;

    @Override
    public Integer call() {
        try (SandboxService service = VmCli.service()) {
            System.out.println(service.logs(name, lines));
            return CofferdamCommand.EXIT_OK;
        } catch (SandboxException e) {
            return VmCli.fail(e);
        }
    }
}
