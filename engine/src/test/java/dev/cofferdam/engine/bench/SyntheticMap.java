package dev.cofferdam.engine.bench;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.ModuleKind;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A large synthetic map for the blast benchmark: {@code files} files in 40 modules, layered like real
 * code (a file uses files below it, picked with a Zipf-like skew so that a few base files are used
 * everywhere), 4 to 12 dependencies each, one test per four files, and 1% of the edges pointing up,
 * which makes cycles. Deterministic for a given seed.
 */
final class SyntheticMap {
    private SyntheticMap() {
    }

    static RepoMap build(int files, long seed) {
        Random rnd = new Random(seed);
        List<Module> modules = new ArrayList<>();
        for (int m = 0; m < 40; m++) {
            modules.add(new Module("m" + m, "module-" + m, ModuleKind.MAVEN, "m" + m, files / 40, files / 4,
                    List.of("@team" + (m % 9))));
        }
        List<SourceFile> list = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            boolean test = i % 4 == 3;
            list.add(new SourceFile(path(i, test), "m" + (i % 40), "java", 100, test, false,
                    List.of("@team" + (i % 9), "dev" + (i % 23) + "@example.test"), List.of()));
        }
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            Set<Integer> used = new HashSet<>();
            int degree = 4 + rnd.nextInt(9);
            for (int k = 0; k < degree; k++) {
                // Zipf-like: small indexes are picked far more often
                boolean up = rnd.nextInt(100) == 0;
                int target = up ? rnd.nextInt(files) : (int) Math.floor(Math.pow(rnd.nextDouble(), 2.5) * i);
                if (target == i || list.get(target).test() || !used.add(target)) {
                    continue;
                }
                String from = list.get(i).path();
                String to = list.get(target).path();
                edges.add(new Edge(from, to, EdgeKind.IMPORT, 1));
                int refs = rnd.nextInt(6);
                if (refs > 0) {
                    edges.add(new Edge(from, to, EdgeKind.REFERENCE, refs));
                }
                if (rnd.nextInt(20) == 0) {
                    edges.add(new Edge(from, to, EdgeKind.EXTENDS, 1));
                }
            }
        }
        return new RepoMap("/synthetic", modules, list, List.of(), edges, List.of(), List.of(), List.of());
    }

    private static String path(int i, boolean test) {
        return "m" + (i % 40) + "/src/" + (test ? "test" : "main") + "/java/p" + (i % 40) + "/C" + i
                + (test ? "Test" : "") + ".java";
    }
}
