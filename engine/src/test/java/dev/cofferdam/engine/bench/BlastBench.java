package dev.cofferdam.engine.bench;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.blast.BlastQuery;
import dev.cofferdam.engine.blast.BlastRadius;
import dev.cofferdam.engine.blast.BlastResult;
import dev.cofferdam.engine.map.IndexedMapService;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Latency of one blast-radius query (seed resolution, walk, ranking, result records) on a mapped
 * repository. Each query seeds one non-test file, walked to any depth. Prints p50/p90/p99/max of
 * the wall-clock time, and of the thread's CPU time, which leaves out the time the thread waited
 * for a core (on a shared machine the wall-clock tail is mostly that wait).
 * <pre>
 *   BlastBench                 a synthetic map of 6,000 files (SyntheticMap)
 *   BlastBench synthetic N     a synthetic map of N files
 *   BlastBench guava           guava's sources jar from engine/target/corpora, unpacked and mapped
 *   BlastBench PATH            the map of the repository at PATH (IndexedMapService)
 * </pre>
 * Command: see README "Benchmarks / Blast radius".
 */
public final class BlastBench {
    private static final int WARMUP = 3000;
    private static final int RUNS = 5000;

    private BlastBench() {
    }

    public static void main(String[] args) throws Exception {
        RepoMap map;
        String label;
        if (args.length == 0 || args[0].equals("synthetic")) {
            int n = args.length > 1 ? Integer.parseInt(args[1]) : 6000;
            map = SyntheticMap.build(n, 42);
            label = "synthetic map, " + n + " files";
        } else if (args[0].equals("guava")) {
            Path dir = Corpora.dir().orElseThrow(() -> new IllegalStateException(
                    "no corpora: run `mvn -pl engine test-compile` first (it copies them to engine/target/corpora)"));
            Path work = Files.createTempDirectory("blast-bench");
            try {
                Path src = Corpora.unpackSources(Corpora.sourcesJar(dir, Corpora.GUAVA), work.resolve("guava"));
                long t0 = System.nanoTime();
                map = new IndexedMapService(work.resolve("cache")).map(src, ProgressListener.NONE);
                label = Corpora.GUAVA + " sources (mapped in " + (System.nanoTime() - t0) / 1_000_000 + " ms)";
            } finally {
                deleteTree(work);
            }
        } else {
            long t0 = System.nanoTime();
            map = new IndexedMapService().map(Path.of(args[0]), ProgressListener.NONE);
            label = args[0] + " (mapped in " + (System.nanoTime() - t0) / 1_000_000 + " ms)";
        }
        run(label, map);
    }

    static void run(String label, RepoMap map) throws Exception {
        long t0 = System.nanoTime();
        BlastRadius radius = new BlastRadius(map);
        long indexMicros = (System.nanoTime() - t0) / 1000;
        List<String> seeds = new ArrayList<>(map.files().stream().filter(f -> !f.test()).map(SourceFile::path).toList());
        Collections.shuffle(seeds, new Random(7));
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += radius.compute(new BlastQuery(List.of(seeds.get(i % seeds.size())), 0)).impacted().size();
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[RUNS];
        long[] cpu = new long[RUNS];
        long impacted = 0;
        int maxImpacted = 0;
        for (int i = 0; i < RUNS; i++) {
            String seed = seeds.get((i * 7919) % seeds.size());
            long c = mx.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            BlastResult r = radius.compute(new BlastQuery(List.of(seed), 0));
            nanos[i] = System.nanoTime() - s;
            cpu[i] = mx.getCurrentThreadCpuTime() - c;
            int size = r.impacted().size() + r.tests().size();
            impacted += size;
            maxImpacted = Math.max(maxImpacted, size);
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "blast radius on %s: %d files, %d edges; index built in %.1f ms%n", label,
                map.files().size(), map.edges().size(), indexMicros / 1000.0);
        System.out.printf(Locale.ROOT, "%d queries (1 seed, no depth limit), mean %.0f impacted files (max %d)%n",
                RUNS, (double) impacted / RUNS, maxImpacted);
        System.out.printf(Locale.ROOT, "wall: p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms%n", ms(nanos, 0.50),
                ms(nanos, 0.90), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "cpu:  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms%n", ms(cpu, 0.50),
                ms(cpu, 0.90), ms(cpu, 0.99), cpu[cpu.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "load average %.2f on %d processors%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        if (sink == 42) {
            System.out.println();
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
