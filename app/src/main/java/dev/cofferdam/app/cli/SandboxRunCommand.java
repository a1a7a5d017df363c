package dev.cofferdam.app.cli;

import dev.cofferdam.vm.policy.PolicyException;
import dev.cofferdam.vm.sandbox.ExecRequest;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.SandboxState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cofferdam sandbox run NAME [CMD...]}: creates (or starts) the sandbox, then runs a command in it. */
@Command(name = "run", mixinStandardHelpOptions = true, modelTransformer = StopAtPositional.class,
        description = "Create the sandbox if needed (start it if stopped), then run CMD (default: sh) in it.")
final class SandboxRunCommand extends SandboxSetupCommand {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1..*", paramLabel = "CMD", arity = "0..*")
    List<String> command;

    @Override
    int run(SandboxService service, SandboxPolicyFlags.Edit edit) throws SandboxException, PolicyException {
        boolean exists = service.list().stream().anyMatch(i -> i.name().equals(name));
        edit.apply(name);
        if (!exists) {
            service.create(options.spec(name), VmCli.progress());
        } else if (service.get(name).state() != SandboxState.RUNNING) {
            service.start(name);
        }
        List<String> cmd = command == null || command.isEmpty() ? List.of("sh") : command;
        boolean interactive = command == null || command.isEmpty();
        return SandboxExecCommand.run(service, name,
                new ExecRequest(cmd, Map.of(), "", Optional.empty(), interactive ? System.in : null));
    }
}
