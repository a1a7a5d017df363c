package dev.cofferdam.app.mcp;

import dev.cofferdam.engine.map.IndexedMapService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): the size of the {@code tools/list} response and the latency of each tool
 * call as the MCP server handles it, on a real repository whose map is already indexed.
 * {@code McpBench PATH SEED [N]}: SEED is a repository-relative file; prints p50/p90 per tool.
 */
public final class McpBench {
    private McpBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toRealPath();
        String seed = args[1];
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        IndexedMapService maps = new IndexedMapService();
        long t0 = System.nanoTime();
        maps.map(root, dev.cofferdam.engine.ProgressListener.NONE);
        System.out.printf(Locale.ROOT, "first map (index load or build): %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        McpSession s = new McpSession(new MapTools(root, maps), "bench");
        s.handle("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}");
        String list = s.handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        System.out.println("tools/list response: " + list.getBytes(StandardCharsets.UTF_8).length + " bytes");
        String[][] calls = {
            {"module_of", "{\"path\":\"" + seed + "\"}"},
            {"dependents", "{\"path\":\"" + seed + "\"}"},
            {"blast_radius", "{\"seeds\":[\"" + seed + "\"]}"},
            {"context_for_change", "{\"seeds\":[\"" + seed + "\"]}"},
        };
        for (String[] c : calls) {
            String req = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"" + c[0]
                    + "\",\"arguments\":" + c[1] + "}}";
            for (int i = 0; i < 5; i++) {
                s.handle(req);
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                String r = s.handle(req);
                ms.add((System.nanoTime() - t) / 1e6);
                if (!r.contains("\"isError\":false")) {
                    throw new IllegalStateException(c[0] + " failed: " + r);
                }
            }
            Collections.sort(ms);
            System.out.printf(Locale.ROOT, "%-20s p50 %6.1f ms  p90 %6.1f ms  (n=%d)%n", c[0], ms.get(n / 2),
                    ms.get((int) Math.ceil(n * 0.9) - 1), n);
        }
    }
}
