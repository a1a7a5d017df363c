package dev.cofferdam.app.cli;

import dev.cofferdam.vm.egress.EgressLogException;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cofferdam sandbox logs NAME}: the guest's console output; with {@code --egress} the
 * sandbox's egress records from the egress log, which outlives the sandbox.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Show the end of a sandbox's console log, or its egress log (--egress).")
final class SandboxLogsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = {"-n", "--lines"}, defaultValue = "100",
            description = "Lines (or egress records) to show first (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = "--egress", description = "The sandbox's egress records (readable after stop and rm).")
    boolean egress;

    @Option(names = "--json", description = "With --egress: one JSON object per line (the JSONL export format).")
    boolean json;

    @Option(names = "--hosts", description = "With --egress: per host, the count, last seen, decision and rule.")
    boolean hosts;

    @Option(names = {"-f", "--follow"}, description = "With --egress: keep printing new records until Ctrl-C.")
    boolean follow;

    /** Stops following after this many milliseconds (0: until Ctrl-C); for tests and scripts. */
    @Option(names = "--follow-for-ms", hidden = true, defaultValue = "0")
    long followForMs;

    @Override
    public Integer call() {
        if (!egress) {
            return consoleLog();
        }
        if (lines < 0) {
            System.err.println("cofferdam: --lines must be 0 or more");
            return CofferdamCommand.EXIT_BAD_INPUT;
        }
        if (hosts && follow) {
            System.err.println("cofferdam: --hosts cannot be combined with --follow");
            return CofferdamCommand.EXIT_BAD_INPUT;
        }
        try {
            return new EgressLogPrinter(CofferdamDirs.fromEnvironment().data(), name, json, System.out, System.err)
                    .print(hosts, lines, follow, followForMs);
        } catch (EgressLogException e) {
            return VmCli.fail(e, false);
        }
    }

    private int consoleLog() {
        if (json || hosts || follow) {
            System.err.println("cofferdam: --json, --hosts and --follow need --egress");
            return CofferdamCommand.EXIT_BAD_INPUT;
        }
        try (SandboxService service = VmCli.service()) {
            System.out.println(service.logs(name, lines));
            return CofferdamCommand.EXIT_OK;
        } catch (SandboxException e) {
            return VmCli.fail(e);
        }
    }
}
