package dev.cofferdam.app.run;

import dev.cofferdam.app.mcp.HttpTransport;
import dev.cofferdam.app.mcp.MapTools;
import dev.cofferdam.app.mcp.McpSession;
import dev.cofferdam.app.receiver.TraceReceivers;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.map.IndexedMapService;
import dev.cofferdam.vm.egress.HostServices;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host side of a run: the repository's MCP server and the trace receiver on 127.0.0.1, both
 * routed to the sandbox as {@code mcp.cofferdam.internal} and {@code telemetry.cofferdam.internal}
 * through its egress proxy. The map is built in the background while the sandbox boots. Close it
 * when the agent exits: the routes go first, then the servers.
 */
public final class RunServices implements AutoCloseable {
    static final String MCP = "mcp";
    static final String TELEMETRY = "telemetry";
    private static final Logger LOG = LoggerFactory.getLogger(RunServices.class);

    private final HostServices routes;
    private final String sandbox;
    private final IndexedMapService maps = new IndexedMapService();
    private final HttpTransport mcp;
    private final TraceReceivers receivers;
    private final Thread warm;
    private boolean closed;

    /**
     * @param repo     the repository served over MCP
     * @param dataDir  the data directory (received sessions go to its {@code received} folder)
     * @param routes   the egress proxy's host services
     * @param sandbox  the sandbox allowed to reach them
     * @param version  the server version reported to MCP clients
     * @throws RunException when a loopback port cannot be bound
     */
    public RunServices(Path repo, Path dataDir, HostServices routes, String sandbox, String version)
            throws RunException {
        this.routes = routes;
        this.sandbox = sandbox;
        MapTools tools = new MapTools(repo, maps);
        try {
            mcp = new HttpTransport(0, () -> new McpSession(tools, version));
        } catch (IOException e) {
            throw new RunException("the MCP server cannot start: " + e.getMessage(), false, e);
        }
        try {
            receivers = new TraceReceivers(dataDir, 0);
        } catch (IOException e) {
            mcp.close();
            throw new RunException("the trace receiver cannot start: " + e.getMessage(), false, e);
        }
        routes.register(sandbox, MCP, mcp.uri().getPort());
        routes.register(sandbox, TELEMETRY, receivers.port());
        warm = new Thread(() -> {
            try {
                maps.map(repo, ProgressListener.NONE);
            } catch (AnalysisException e) {
                LOG.warn("the map of {} could not be built ahead: {}", repo, e.getMessage());
            }
        }, "run-map-warmup");
        warm.setDaemon(true);
        warm.start();
    }

    /** @return the URLs the guest uses (through its proxy, on the guest's proxy port) */
    public GuestEndpoints endpoints(int guestProxyPort) {
        String mcpBase = "http://" + MCP + "." + HostServices.DOMAIN + ":" + guestProxyPort;
        String tel = "http://" + TELEMETRY + "." + HostServices.DOMAIN + ":" + guestProxyPort;
        return new GuestEndpoints(mcpBase + HttpTransport.PATH, tel, tel + TraceReceivers.HOOK_PATH);
    }

    /** @return the MCP server on the host side, e.g. for a health check */
    public URI mcpUri() {
        return mcp.uri();
    }

    /** @return the reserved host names the guest must map to the proxy in its {@code /etc/hosts} */
    public static String[] guestNames() {
        return new String[] {MCP + "." + HostServices.DOMAIN, TELEMETRY + "." + HostServices.DOMAIN};
    }

    /** Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        routes.unregister(sandbox, MCP);
        routes.unregister(sandbox, TELEMETRY);
        receivers.close();
        mcp.close();
        try {
            warm.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            maps.flush();
        } catch (AnalysisException e) {
            LOG.debug("the map index copy was not written: {}", e.getMessage());
        }
    }
}
