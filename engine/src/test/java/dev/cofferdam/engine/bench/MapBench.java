package dev.cofferdam.engine.bench;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.map.IndexedMapService;
import dev.cofferdam.engine.map.MapResult;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The map benchmark. For each corpus (Maven Central sources jars unpacked into a folder):
 * <ul>
 * <li>cold: a fresh child JVM maps with an empty cache (wall clock, JVM start included), with the
 * default JIT and with C1 only ({@code -XX:TieredStopAtLevel=1}, what a short-lived CLI wants);</li>
 * <li>reopen: a fresh child JVM maps again with the cache filled (JVM start included), and a fresh
 * service in this JVM (the app or MCP server reopening a repository);</li>
 * <li>re-map: one file edited, then mapped again by the same service, after 20 such edits to warm
 * the JVM up (the app and the MCP server are long-running).</li>
 * </ul>
 * Medians over the runs. Run from the repository root:
 * {@code mvn -B -q -pl engine test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.cofferdam.engine.bench.MapBench [-Dexec.args="RUNS [ARTIFACT-PREFIX...]"]}.
 */
public final class MapBench {
    /** Edits mapped before measuring: the app and the MCP server re-map in a long-running, warm JVM. */
    private static final int REMAP_WARMUP = 20;
    private static final List<String> C1 = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private MapBench() {
    }

    /** CPU time of this JVM so far (all threads: application, JIT, GC), milliseconds. */
    static long processCpuMillis() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** A wall-clock and a CPU measurement. */
    private record Sample(long wall, long cpu) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path corpora = Corpora.dir().orElseThrow(() -> new IllegalStateException(
                "corpora missing: run mvn -pl engine generate-test-resources first"));
        Path work = corpora.getParent().resolve("bench");
        String classpath = childClasspath(corpora.getParent());
        System.out.printf(Locale.ROOT, "machine: %d processors, load average %s, %d runs, medians%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), runs);
        System.out.println("| corpus | files | lines | cold (JVM default) | cold (C1 only) | reopen (new JVM) | reopen (in process) | re-map one file |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        List<String> only = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        for (String artifact : List.of(Corpora.GUAVA, Corpora.LANG3, Corpora.COLLECTIONS4)) {
            if (!only.isEmpty() && only.stream().noneMatch(artifact::startsWith)) {
                continue;
            }
            Path src = work.resolve(artifact).resolve("src");
            deleteTree(src);
            Corpora.unpackSources(Corpora.sourcesJar(corpora, artifact), src);
            System.out.println(measure(artifact, src, work.resolve(artifact), classpath, runs));
        }
    }

    private static String measure(String artifact, Path src, Path dir, String classpath, int runs) throws Exception {
        Path cache = dir.resolve("cache");
        List<Sample> cold = new ArrayList<>();
        List<Sample> coldC1 = new ArrayList<>();
        List<Sample> reopen = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            deleteTree(cache);
            cold.add(child(classpath, List.of(), src, cache));
            deleteTree(cache);
            coldC1.add(child(classpath, C1, src, cache));
            reopen.add(child(classpath, C1, src, cache));
        }
        List<Sample> reopenInProcess = new ArrayList<>();
        for (int i = 0; i < runs + 3; i++) {
            long start = System.nanoTime();
            long cpu = processCpuMillis();
            MapResult result = new IndexedMapService(cache).mapWithStats(src, ProgressListener.NONE);
            if (!result.stats().fromSnapshot()) {
                throw new IllegalStateException("reopen did not use the stored map");
            }
            if (i >= 3) {
                reopenInProcess.add(new Sample((System.nanoTime() - start) / 1_000_000, processCpuMillis() - cpu));
            }
        }
        IndexedMapService service = new IndexedMapService(cache);
        MapResult base = service.mapWithStats(src, ProgressListener.NONE);
        Path edited = largestFile(src);
        List<Sample> remap = new ArrayList<>();
        for (int i = 0; i < runs + REMAP_WARMUP; i++) {
            Files.writeString(edited, "\n// edit " + i + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            long start = System.nanoTime();
            long cpu = processCpuMillis();
            MapResult result = service.mapWithStats(src, ProgressListener.NONE);
            Sample sample = new Sample((System.nanoTime() - start) / 1_000_000, processCpuMillis() - cpu);
            if (result.stats().parsed() != 1) {
                throw new IllegalStateException("re-map parsed " + result.stats().parsed() + " files, expected 1");
            }
            if (i >= REMAP_WARMUP) {
                remap.add(sample);
            }
        }
        MapResult full = new IndexedMapService(dir.resolve("check-cache")).mapWithStats(src, ProgressListener.NONE);
        if (!full.map().equals(service.mapWithStats(src, ProgressListener.NONE).map())) {
            throw new IllegalStateException("the re-mapped map differs from a full map of the same files");
        }
        deleteTree(dir.resolve("check-cache"));
        long lines = countLines(src);
        return String.format(Locale.ROOT, "| %s | %d | %dk | %s | %s | %s | %s | %s |", artifact,
                base.map().files().size(), lines / 1000, ms(cold), ms(coldC1), ms(reopen), ms(reopenInProcess), ms(remap));
    }

    /** @return wall-clock milliseconds of a fresh JVM mapping {@code src} (JVM start included) */
    private static Sample child(String classpath, List<String> jvmArgs, Path src, Path cache) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classpath, MapOnce.class.getName(), src.toString(), cache.toString()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("child failed: " + out);
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        String[] fields = out.trim().split(" ");
        return new Sample(wall, Long.parseLong(fields[fields.length - 1]));
    }

    /** target/classes + target/test-classes + the runtime classpath the build wrote. */
    private static String childClasspath(Path target) throws IOException {
        String runtime = Files.readString(target.resolve("runtime-classpath.txt"), StandardCharsets.UTF_8).trim();
        return String.join(File.pathSeparator, target.resolve("classes").toString(),
                target.resolve("test-classes").toString(), runtime);
    }

    /** "median wall (median CPU)". */
    private static String ms(List<Sample> samples) {
        return ms(median(samples.stream().map(Sample::wall).toList())) + " (cpu "
                + ms(median(samples.stream().map(Sample::cpu).toList())) + ")";
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String ms(long millis) {
        return millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000.0) : millis + " ms";
    }

    private static Path largestFile(Path src) throws IOException {
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
    }

    private static long countLines(Path src) throws IOException {
        long lines = 0;
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                lines += Files.readAllLines(p, StandardCharsets.UTF_8).size();
            }
        }
        return lines;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
