package dev.cofferdam.app.cli;

import dev.cofferdam.app.receiver.TraceReceivers;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cofferdam trace receive}: the hook and OTLP receivers on loopback, until interrupted. */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = "Receive Claude Code hook posts and OTLP/HTTP (JSON) logs on 127.0.0.1 and write them as "
                + "session transcripts under the data directory's received/ folder; runs until interrupted.")
final class TraceReceiveCommand implements Callable<Integer> {
    @Mixin
    TraceEnvironment env;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "port on 127.0.0.1 (default: any free one)")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            return CliFailure.badInput(err, "--port must be between 0 and 65535");
        }
        try (TraceReceivers r = new TraceReceivers(env.dataDir(), port)) {
            printSetup(r, out);
            out.flush();
            new CountDownLatch(1).await();
            return CofferdamCommand.EXIT_OK;
        } catch (IOException e) {
            return CliFailure.badInput(err, "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
    }

    static void printSetup(TraceReceivers r, PrintWriter out) {
        out.println("Receiving on 127.0.0.1:" + r.port() + "; sessions are written to " + r.sessions().dir());
        out.println();
        out.println("Telemetry (OTLP/HTTP logs, JSON): set these in the agent's environment");
        out.println("  export CLAUDE_CODE_ENABLE_TELEMETRY=1");
        out.println("  export OTEL_LOGS_EXPORTER=otlp");
        out.println("  export OTEL_EXPORTER_OTLP_PROTOCOL=http/json");
        out.println("  export OTEL_EXPORTER_OTLP_ENDPOINT=" + r.otlpEndpoint());
        out.println("  export OTEL_LOG_TOOL_DETAILS=1");
        out.println();
        out.println("Hooks: add to .claude/settings.json (or ~/.claude/settings.json)");
        out.println(TraceReceivers.claudeHooksJson(r.hookUrl()));
        out.println();
        out.println("Open a received session with: cofferdam trace show " + r.sessions().dir() + "/<session>.jsonl");
        out.println("Press Ctrl+C to stop.");
    }
}
