package dev.cofferdam.engine.bench;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.map.IndexedMapService;
import dev.cofferdam.engine.map.MapResult;
import java.nio.file.Path;

/**
 * Child process of {@link MapBench}: maps one folder once in a fresh JVM and prints
 * {@code millis files edges parsed fromSnapshot processCpuMillis} on one line.
 */
public final class MapOnce {
    private MapOnce() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        MapResult result = new IndexedMapService(Path.of(args[1])).mapWithStats(Path.of(args[0]), ProgressListener.NONE);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(millis + " " + result.map().files().size() + " " + result.map().edges().size() + " "
                + result.stats().parsed() + " " + result.stats().fromSnapshot() + " " + MapBench.processCpuMillis());
    }
}
