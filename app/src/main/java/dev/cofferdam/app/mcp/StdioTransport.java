package dev.cofferdam.app.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * MCP over stdio: one JSON-RPC message per line in, one per line out, until the input ends.
 * Nothing but protocol messages is written to {@code out} (logs go to the log file). Not
 * thread-safe: one per process.
 */
public final class StdioTransport {
    private final McpSession session;

    public StdioTransport(McpSession session) {
        this.session = session;
    }

    /** Serves until {@code in} reaches its end. */
    public void serve(InputStream in, PrintWriter out) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String response = session.handle(line);
            if (response != null) {
                out.print(response);
                out.print('\n');
                out.flush();
            }
        }
    }
}
