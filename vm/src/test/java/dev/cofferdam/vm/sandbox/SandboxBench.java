package dev.cofferdam.vm.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Sandbox benchmark with real guests: create → first exec result, exec round trip, teardown,
 * QEMU RSS, and how many idle sandboxes keep exec answering within 200 ms. Prints Markdown.
 * Arguments: [boots (default 10)] [max concurrent (default 24; 0 skips that part)].
 * Run: see README "Benchmarks → Sandboxes". Every guest is removed at the end (and on Ctrl-C).
 */
public final class SandboxBench {
    private static final long EXEC_LIMIT_MS = 200;

    private SandboxBench() {
    }

    public static void main(String[] args) throws Exception {
        int boots = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int maxConcurrent = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        Path data = Files.createTempDirectory("cofferdam-bench");
        SandboxService service = TestGuests.service(data, new RefusingEgressRelay());
        try {
            service.images().ensure("tiny", (s, d, t) -> { });
            System.out.printf("| host load average before (1, 5, 15 min) | %s |%n", loadAverage());
            Path ws = Files.createDirectories(data.resolve("ws"));
            bootSeries(service, "boot", boots, Optional.empty());
            bootSeries(service, "bootws", Math.max(3, boots / 2), Optional.of(ws));
            roundTrip(service);
            idleCpu(service);
            if (maxConcurrent > 0) {
                concurrency(service, maxConcurrent);
            }
            System.out.printf("| host load average after (1, 5, 15 min) | %s |%n", loadAverage());
        } finally {
            TestGuests.removeAll(service);
            service.close();
            ImageStoreCleaner.delete(data);
        }
    }

    private static void bootSeries(SandboxService service, String prefix, int n, Optional<Path> ws) throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> teardown = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        String accel = "";
        for (int i = 0; i < n; i++) {
            String name = prefix + i;
            long t0 = System.nanoTime();
            SandboxSpec spec = ws.map(w -> SandboxSpec.of(name).withWorkspace(w)).orElse(SandboxSpec.of(name));
            SandboxInfo info = service.create(spec, (s, d, t) -> { });
            TestGuests.Output o = TestGuests.run(service, name, "echo", "ready");
            first.add(ms(t0));
            if (!o.out().equals("ready\n")) {
                throw new IllegalStateException("unexpected output " + o);
            }
            rss.add(service.get(name).rssKiB() / 1024.0);
            accel = info.accelerator().name();
            long t1 = System.nanoTime();
            service.remove(name);
            teardown.add(ms(t1));
        }
        String what = ws.isPresent() ? "with a virtiofs workspace" : "no workspace";
        System.out.printf("| create → first exec result (%s, %s, n=%d) | p50 %.0f ms, p95 %.0f ms |%n",
                what, accel, n, pct(first, 50), pct(first, 95));
        System.out.printf("| teardown, rm of a running sandbox (%s) | p50 %.0f ms, p95 %.0f ms |%n", what,
                pct(teardown, 50), pct(teardown, 95));
        System.out.printf("| QEMU RSS after first exec (%s) | p50 %.0f MiB |%n", what, pct(rss, 50));
    }

    private static void roundTrip(SandboxService service) throws Exception {
        service.create(SandboxSpec.of("rtt"), (s, d, t) -> { });
        List<Double> rtt = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long t0 = System.nanoTime();
            TestGuests.run(service, "rtt", "true");
            rtt.add(ms(t0));
        }
        service.remove("rtt");
        System.out.printf("| exec round trip (`true`, n=200, new channel each) | p50 %.1f ms, p95 %.1f ms |%n",
                pct(rtt, 50), pct(rtt, 95));
    }

    private static void concurrency(SandboxService service, int max) throws Exception {
        int ok = 0;
        double worst = 0;
        for (int i = 0; i < max; i++) {
            try {
                service.create(SandboxSpec.of("idle" + i), (s, d, t) -> { });
            } catch (SandboxException e) {
                System.out.printf("| boot %d failed | %s |%n", i + 1, e.getMessage().lines().findFirst().orElse(""));
                break;
            }
            Thread.sleep(2000);
            worst = 0;
            for (int j = 0; j <= i; j++) {
                long t0 = System.nanoTime();
                TestGuests.run(service, "idle" + j, "true");
                worst = Math.max(worst, ms(t0));
            }
            if (worst > EXEC_LIMIT_MS) {
                break;
            }
            ok = i + 1;
        }
        long rss = 0;
        for (SandboxInfo info : service.list()) {
            rss += info.rssKiB();
        }
        System.out.printf("| idle sandboxes with every exec ≤ %d ms (tried up to %d) | %d (slowest exec at the last step %.0f ms; total QEMU RSS %d MiB) |%n",
                EXEC_LIMIT_MS, max, ok, worst, rss / 1024);
    }

    /** Host CPU an idle guest costs: QEMU's CPU time over 10 s after boot has settled. */
    private static void idleCpu(SandboxService service) throws Exception {
        long pid = service.create(SandboxSpec.of("idlecpu"), (s, d, t) -> { }).pid();
        Thread.sleep(3000);
        long c0 = dev.cofferdam.vm.qemu.ProcessStats.of(pid).orElseThrow().cpuMillis();
        Thread.sleep(10_000);
        long c1 = dev.cofferdam.vm.qemu.ProcessStats.of(pid).orElseThrow().cpuMillis();
        service.remove("idlecpu");
        System.out.printf("| host CPU of one idle guest (QEMU, 10 s) | %.1f%% of a core |%n", (c1 - c0) / 100.0);
    }

    private static String loadAverage() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + ", " + f[1] + ", " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " CPUs";
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double pct(List<Double> values, int p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(idx, s.size() - 1)));
    }

    /** Removes the bench's temporary data directory. */
    private static final class ImageStoreCleaner {
        static void delete(Path dir) throws Exception {
            dev.cofferdam.vm.image.ImageStore.deleteTree(dir);
        }
    }
}
