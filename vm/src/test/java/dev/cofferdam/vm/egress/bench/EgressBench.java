package dev.cofferdam.vm.egress.bench;

import dev.cofferdam.vm.egress.EgressProxy;
import dev.cofferdam.vm.egress.OverrideResolver;
import dev.cofferdam.vm.egress.ProxyListener;
import dev.cofferdam.vm.egress.ProxySettings;
import dev.cofferdam.vm.egress.Resolver;
import dev.cofferdam.vm.egress.SqliteEgressLog;
import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.RuleParser;
import dev.cofferdam.vm.policy.StorePolicySource;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Egress proxy benchmark on loopback: added latency per request (p50/p99 against direct), CONNECT
 * throughput (against direct), many concurrent tunnels and memory; squid and tinyproxy measured in
 * the same run as peers. The Cofferdam proxy runs with its real SQLite egress log. Latency is taken
 * twice: cold (right after the proxy starts, {@value #COLD_WARMUP} warm-up requests) and warm (after
 * {@value #WARM_WARMUP} more, once the JIT has compiled the request path); the peers get the same
 * sequence. Throughput alternates a direct download and one through the proxy, {@code rounds} times,
 * and compares the medians, so that a direct figure is always taken next to the proxied one it is
 * compared with. The upstream queues up to {@code upstreamKiB} (default 1024) per connection before it
 * waits for the socket; 64 (Netty's default) makes the direct baseline slower and the ratios higher.
 * Run: {@code java -cp ... dev.cofferdam.vm.egress.bench.EgressBench [requests] [tunnels] [megabytes]
 * [rounds] [upstreamKiB]}.
 */
public final class EgressBench {
    private static final String NAME = "bench.example";
    private static final int COLD_WARMUP = 500;
    private static final int WARM_WARMUP = 5000;

    private EgressBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int tunnels = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long bytes = (args.length > 2 ? Long.parseLong(args[2]) : 1024) * 1024 * 1024;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        int upstreamKiB = args.length > 4 ? Integer.parseInt(args[4]) : 1024;
        Path tmp = Files.createTempDirectory("cofferdam-bench");
        // squid and tinyproxy drop privileges: their directories must be reachable by their users
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        byte[] hello = BenchClient.clientHello(NAME);
        try (BenchUpstream up = new BenchUpstream(bytes, upstreamKiB * 1024)) {
            PolicyStore store = new PolicyStore(tmp.resolve("config"));
            PolicyDocument doc = PolicyDocument.EMPTY;
            for (int p : new int[] {up.httpPort, up.sourcePort, up.echoPort}) {
                doc = doc.with(RuleParser.parse(RuleAction.ALLOW, NAME + ":" + p))
                        .with(RuleParser.parse(RuleAction.ALLOW, "127.0.0.1:" + p));
            }
            store.write("bench", doc);
            Resolver resolver = OverrideResolver.parse(List.of(NAME + "=127.0.0.1"), Resolver.none());
            System.out.printf("egress proxy benchmark: %d requests, %d MiB downloads x %d rounds, upstream writes "
                    + "up to %d KiB, %d tunnels, %d cores%n%n", requests, bytes >> 20, rounds, upstreamKiB, tunnels,
                    Runtime.getRuntime().availableProcessors());
            Download direct = () -> BenchClient.throughput(0, null, up.sourcePort, hello, bytes);
            direct.run();
            Latency directLat = latency(up.httpPort, "/", NAME, requests);
            System.out.println("| proxy | p50 ms | p99 ms | added p50 ms | added p99 ms | added p99 ms, cold"
                    + " | CONNECT MB/s | direct MB/s, same rounds | % of direct | tunnels open | errors | memory |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            double[] directAlone = medians(rounds, direct, direct);
            row("direct", directLat, directLat, directAlone[0], directAlone[0], "", "");
            try (SqliteEgressLog log = SqliteEgressLog.open(tmp.resolve("data"));
                 EgressProxy proxy = new EgressProxy(ProxySettings.defaults(resolver));
                 ProxyListener l = proxy.start("bench", new StorePolicySource(store, BalancedAllowlist.shipped()),
                         log)) {
                measure("cofferdam", l.port(), NAME, up, hello, bytes, requests, tunnels, rounds, directLat, -1);
            }
            for (String peer : new String[] {"squid", "tinyproxy"}) {
                Path dir = Files.createDirectories(tmp.resolve(peer));
                try (PeerProxy p = peer.equals("squid") ? PeerProxy.squid(dir) : PeerProxy.tinyproxy(dir)) {
                    measure(peer, p.port, "127.0.0.1", up, hello, bytes, requests, tunnels, rounds, directLat,
                            p.pid());
                } catch (IOException e) {
                    System.out.println("| " + peer + " | failed: " + e.getMessage() + " |");
                }
            }
        }
    }

    /** Sorted request times, cold (right after start) and warm. */
    private record Latency(long[] cold, long[] warm) {
    }

    private static Latency latency(int port, String target, String host, int requests) throws IOException {
        long[] cold = BenchClient.latency(port, target, host, COLD_WARMUP, requests);
        long[] warm = BenchClient.latency(port, target, host, WARM_WARMUP, requests);
        return new Latency(cold, warm);
    }

    private static void measure(String label, int port, String host, BenchUpstream up, byte[] hello, long bytes,
            int requests, int tunnels, int rounds, Latency direct, long pid) throws Exception {
        Latency lat = latency(port, "http://" + host + ":" + up.httpPort + "/", host + ":" + up.httpPort, requests);
        Download proxied = () -> BenchClient.throughput(port, host + ":" + up.sourcePort, 0, hello, bytes);
        proxied.run();
        double[] tp = medians(rounds, () -> BenchClient.throughput(0, null, up.sourcePort, hello, bytes), proxied);
        long before = memory(pid);
        List<Socket> open = new ArrayList<>();
        int errors = 0;
        try {
            for (int i = 0; i < tunnels; i++) {
                try {
                    Socket s = BenchClient.tunnel(port, host + ":" + up.echoPort);
                    s.getOutputStream().write(hello);
                    if (s.getInputStream().readNBytes(hello.length).length != hello.length) {
                        errors++;
                    }
                    open.add(s);
                } catch (IOException e) {
                    errors++;
                }
            }
            for (Socket s : open) {
                if (!BenchClient.ping(s)) {
                    errors++;
                }
            }
            long after = memory(pid);
            String mem = String.format(Locale.ROOT, "%s +%.1f MiB (%.1f KiB/tunnel)", pid < 0 ? "heap" : "RSS",
                    (after - before) / 1048576.0, (after - before) / 1024.0 / Math.max(1, open.size()));
            row(label, lat, direct, tp[1], tp[0], open.size() + "/" + tunnels, errors + " | " + mem);
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    private static void row(String label, Latency lat, Latency direct, double tp, double directTp, String open,
            String rest) {
        long[] w = lat.warm();
        long[] dw = direct.warm();
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f | %.0f | %.0f%% | %s | %s |%n",
                label, ms(pct(w, 50)), ms(pct(w, 99)), ms(pct(w, 50) - pct(dw, 50)), ms(pct(w, 99) - pct(dw, 99)),
                ms(pct(lat.cold(), 99) - pct(direct.cold(), 99)), tp / 1e6, directTp / 1e6, 100 * tp / directTp, open,
                rest.isEmpty() ? " | " : rest);
    }

    /** Heap in use after a GC (pid &lt; 0: this JVM), else the resident set of process {@code pid}. */
    private static long memory(long pid) throws Exception {
        if (pid >= 0) {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return 0;
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** One download; @return bytes per second. */
    interface Download {
        double run() throws IOException;
    }

    /**
     * Alternates {@code a} and {@code b}, {@code rounds} times each.
     *
     * @return the median of a's results and the median of b's
     */
    private static double[] medians(int rounds, Download a, Download b) throws IOException {
        double[] x = new double[rounds];
        double[] y = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            x[i] = a.run();
            y[i] = b.run();
        }
        Arrays.sort(x);
        Arrays.sort(y);
        return new double[] {x[rounds / 2], y[rounds / 2]};
    }
}
