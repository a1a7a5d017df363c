package dev.cofferdam.app.cli;

import dev.cofferdam.app.terminal.InteractiveExec;
import dev.cofferdam.vm.sandbox.ExecRequest;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.TerminalSize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cofferdam sandbox exec [-it] NAME CMD...}: runs a command, streams its output, returns its exit code. */
@Command(name = "exec", mixinStandardHelpOptions = true, modelTransformer = StopAtPositional.class,
        description = {"Run a command in a running sandbox; exits with the command's exit code.",
            "With -it on a terminal, like `docker exec -it`: your terminal goes raw (Ctrl-C goes to the command),"
                    + " window size changes follow, and the terminal is restored when the command ends."})
final class SandboxExecCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1..*", paramLabel = "CMD", arity = "1..*", description = "Command and arguments.")
    List<String> command;

    @Option(names = {"-i", "--interactive"}, description = "Pass this process's stdin to the command.")
    boolean interactive;

    @Option(names = {"-t", "--tty"},
            description = "Run the command under a pseudo-terminal of this terminal's size (stderr then arrives on stdout).")
    boolean tty;

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", description = "Set an environment variable.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Working directory in the guest.")
    String workdir = "";

    @Override
    public Integer call() {
        try (SandboxService service = VmCli.service()) {
            Optional<TerminalSize> terminal = tty ? Optional.of(TerminalSize.DEFAULT) : Optional.empty();
            return InteractiveExec.attach(service, name,
                    new ExecRequest(command, env, workdir, terminal, interactive ? System.in : null));
        } catch (SandboxException e) {
            return VmCli.fail(e);
        }
    }

    /** Runs attached to this process's streams (see {@link InteractiveExec}); returns the guest command's exit code. */
    static int run(SandboxService service, String name, ExecRequest req) throws SandboxException {
        return InteractiveExec.attach(service, name, req);
    }
}
