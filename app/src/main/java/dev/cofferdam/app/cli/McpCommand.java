package dev.cofferdam.app.cli;

import dev.cofferdam.app.mcp.HttpTransport;
import dev.cofferdam.app.mcp.MapTools;
import dev.cofferdam.app.mcp.McpSession;
import dev.cofferdam.app.mcp.StdioTransport;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.map.IndexedMapService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cofferdam mcp [PATH] [--http PORT]}: the map, blast radius and owners as MCP tools. */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "Serve the map, blast radius, owners and context packs to an agent over MCP "
                + "(stdio, or streamable HTTP on 127.0.0.1).")
final class McpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH",
            description = "Repository root (default: the current directory).")
    Path path;

    @Option(names = "--http", paramLabel = "PORT",
            description = "Serve streamable HTTP on 127.0.0.1:PORT/mcp instead of stdio (0 = any free port).")
    Integer httpPort;

    @Override
    public Integer call() throws Exception {
        if (httpPort != null && (httpPort < 0 || httpPort > 65535)) {
            throw new AnalysisException("--http needs a port from 0 to 65535, not " + httpPort);
        }
        Path root = Repos.root(path);
        IndexedMapService maps = new IndexedMapService();
        PrintWriter err = spec.commandLine().getErr();
        maps.map(root, TerminalProgress.forTerminal(err)); // warm the index: the first tool call is then cheap
        MapTools tools = new MapTools(root, maps);
        String version = VersionProvider.version();
        if (httpPort == null) {
            new StdioTransport(new McpSession(tools, version)).serve(System.in, spec.commandLine().getOut());
            maps.flush(); // the client closed stdin: let the last re-map's index copy land before exiting
            return CofferdamCommand.EXIT_OK;
        }
        try (HttpTransport http = new HttpTransport(httpPort, () -> new McpSession(tools, version))) {
            err.println("cofferdam: MCP server for " + root + " on " + http.uri() + " (Ctrl-C stops it)");
            err.flush();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        } catch (java.io.IOException e) {
            throw new AnalysisException(e.getMessage());
        }
        return CofferdamCommand.EXIT_OK;
    }
}
