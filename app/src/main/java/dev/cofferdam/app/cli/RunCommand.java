package dev.cofferdam.app.cli;

import dev.cofferdam.app.run.AgentRun;
import dev.cofferdam.app.run.RunAgent;
import dev.cofferdam.app.run.RunException;
import dev.cofferdam.app.run.RunRecord;
import dev.cofferdam.app.run.RunStore;
import dev.cofferdam.app.terminal.InteractiveExec;
import dev.cofferdam.app.terminal.TerminalSizes;
import dev.cofferdam.engine.trace.store.TraceStore;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.Tier;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.TerminalSize;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cofferdam run claude|codex|gemini|shell [PATH]}: an agent in a sandbox, wired to the map and the trace. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Start an agent in a sandbox on PATH: agent template, workspace mounted, Balanced network, "
                + "credentials through the proxy (placeholders inside), the repository map over MCP, telemetry to "
                + "the trace; then attach this terminal. Afterwards: cofferdam review --run NAME.",
            "AGENT is claude, codex, gemini or shell."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "AGENT", description = "claude, codex, gemini or shell")
    String agent;

    @Parameters(index = "1", arity = "0..1", defaultValue = ".", paramLabel = "PATH",
            description = "The workspace (default: the current directory).")
    Path path;

    @Option(names = "--name", paramLabel = "NAME", description = "Sandbox name (default: AGENT-FOLDER).")
    String name;

    @Option(names = "--clone", description = "Work on a private clone; the changes come back as branch cofferdam/NAME.")
    boolean clone;

    @Option(names = "--template", defaultValue = "agent", description = "Guest template (default: ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--cpus", defaultValue = "2", description = "vCPUs of a new sandbox (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--memory", paramLabel = "MiB", description = "Memory of a new sandbox (default: 2048, shell 512).")
    Integer memoryMiB;

    @Option(names = "--policy", paramLabel = "TIER",
            description = "locked-down, balanced or open (default: balanced for a new sandbox, else unchanged).")
    String policy;

    @Option(names = "--keep", description = "Leave the sandbox running after the agent exits.")
    boolean keep;

    private static void finishQuietly(AgentRun run) {
        try {
            if (!run.finished()) {
                run.finish(-1);
            }
        } catch (RunException e) {
            System.err.println("cofferdam: " + e.getMessage());
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RunAgent which;
        Optional<Tier> tier;
        try {
            which = RunAgent.of(agent);
            tier = Optional.ofNullable(policy).map(Tier::fromId);
        } catch (IllegalArgumentException e) {
            return CliFailure.badInput(err, e.getMessage());
        }
        String sandbox = name != null ? name : AgentRun.defaultName(which, path);
        AgentRun.Request req = new AgentRun.Request(which, path, sandbox, clone, template, cpus,
                memoryMiB != null ? memoryMiB : which.defaultMemoryMiB(), tier, keep);
        Path dataDir = TraceStore.defaultDir(System.getenv(), Path.of(System.getProperty("user.home")));
        try (VmCli.Vm vm = VmCli.open()) {
            AgentRun.Context ctx = new AgentRun.Context(vm.sandboxes(), vm.egress().services(),
                    new PolicyStore(CofferdamDirs.fromEnvironment().config()), new RunStore(dataDir), dataDir,
                    VersionProvider.version());
            err.println("cofferdam: starting " + which.title() + " in sandbox " + sandbox + " on "
                    + path.toAbsolutePath().normalize() + (clone ? " (clone)" : ""));
            err.flush();
            int code;
            RunRecord done;
            try (AgentRun run = AgentRun.start(req, ctx, VmCli.progress())) {
                err.println("cofferdam: MCP at " + run.endpoints().mcpUrl() + " (inside the sandbox); "
                        + "egress log: cofferdam sandbox logs " + sandbox + " --egress --follow");
                err.flush();
                // Killed or hung up (the terminal closed) while the agent runs: still record the run and
                // stop the sandbox, which nothing would serve once this process is gone.
                Thread hangUp = new Thread(() -> finishQuietly(run), "run-hang-up");
                Runtime.getRuntime().addShutdownHook(hangUp);
                // Agents are terminal programs: always a PTY; raw mode and resizes when this is a terminal.
                TerminalSize size = TerminalSizes.current().orElse(TerminalSize.DEFAULT);
                code = InteractiveExec.attach(vm.sandboxes(), sandbox, run.command(Optional.of(size), System.in));
                done = run.finish(code);
                Runtime.getRuntime().removeShutdownHook(hangUp);
            }
            err.println("cofferdam: " + which.title() + " exited with " + code + "; " + done.transcripts().size()
                    + " transcript(s) kept. Review the session: cofferdam review --run " + sandbox
                    + " " + done.workspace());
            err.flush();
            return code;
        } catch (RunException e) {
            return VmCli.fail(e, e.isBadInput());
        } catch (SandboxException e) {
            return VmCli.fail(e);
        }
    }
}
