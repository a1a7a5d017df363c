package dev.cofferdam.engine.bench;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.blast.BlastRadius;
import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.blast.BlastResult;
import dev.cofferdam.engine.blast.BlastService;
import dev.cofferdam.engine.blast.RankedFile;
import dev.cofferdam.engine.blast.ResolvedSeeds;
import dev.cofferdam.engine.git.CoChange;
import dev.cofferdam.engine.git.CoChangeMiner;
import dev.cofferdam.engine.git.GitRepo;
import dev.cofferdam.engine.map.IndexedMapService;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Impact against history (DESIGN.md §2, yardstick 2): replays the last commits of a git repository;
 * for each commit touching 2 to 30 files of the current map, each changed non-test file is a seed and
 * the other changed files of the commit are the truth. Rankings compared: the static blast radius
 * (impacted and tests by score), the history signal alone (co-change mined only from commits older
 * than the replayed one, with the shipped thresholds and limit), and both merged as shipped
 * ({@link BlastReport#combined}: max of score and confidence).
 * Prints precision@10, recall@10, recall over the whole ranking, and mean average precision, once
 * with every changed file of the map as truth and once with its Java files only (build files, CI
 * configuration and documents cannot be found by static analysis).
 * The map is the one of HEAD, so files since deleted are left out of seeds and truth.
 * <pre>  BlastEval PATH [COMMITS]   (default 300 commits replayed)</pre>
 */
public final class BlastEval {
    private BlastEval() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        int commits = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path cache = Files.createTempDirectory("blast-eval");
        RepoMap map = new IndexedMapService(cache).map(root, ProgressListener.NONE);
        BlastRadius radius = new BlastRadius(map);
        Map<String, SourceFile> files = new HashMap<>();
        map.files().forEach(f -> files.put(f.path(), f));
        List<Set<String>> txs = transactions(GitRepo.open(root));
        Metrics stat = new Metrics();
        Metrics hist = new Metrics();
        Metrics both = new Metrics();
        Metrics statJava = new Metrics();
        Metrics histJava = new Metrics();
        Metrics bothJava = new Metrics();
        int replayed = 0;
        for (int i = 0; i < txs.size() && replayed < commits; i++) {
            Set<String> inMap = new LinkedHashSet<>();
            txs.get(i).stream().filter(files::containsKey).forEach(inMap::add);
            if (txs.get(i).size() > CoChangeMiner.MAX_TRANSACTION || inMap.size() < 2) {
                continue;
            }
            replayed++;
            CoChangeMiner older = CoChangeMiner.of(txs.subList(i + 1, txs.size()));
            for (String seed : inMap) {
                if (files.get(seed).test()) {
                    continue;
                }
                Set<String> truth = new HashSet<>(inMap);
                truth.remove(seed);
                BlastResult r = radius.compute(new ResolvedSeeds(List.of(seed), List.of(seed), List.of()), 0);
                Map<String, Double> s = new HashMap<>();
                r.impacted().forEach(x -> s.put(x.path(), x.score()));
                r.tests().forEach(x -> s.put(x.path(), x.score()));
                List<CoChange> coupled = older.coupledWith(List.of(seed), BlastService.MIN_SUPPORT,
                        BlastService.MIN_CONFIDENCE, BlastService.MAX_HISTORY);
                Map<String, Double> h = new HashMap<>();
                coupled.forEach(c -> h.put(c.path(), c.confidence()));
                List<String> merged = new BlastReport(r, coupled).combined(Integer.MAX_VALUE).stream()
                        .map(RankedFile::path).toList(); // the shipped merge
                stat.add(rank(s), truth);
                hist.add(rank(h), truth);
                both.add(merged, truth);
                Set<String> javaTruth = new HashSet<>();
                truth.stream().filter(p -> "java".equals(files.get(p).language())).forEach(javaTruth::add);
                if (!javaTruth.isEmpty()) {
                    statJava.add(rank(s), javaTruth);
                    histJava.add(rank(h), javaTruth);
                    bothJava.add(merged, javaTruth);
                }
            }
        }
        deleteTree(cache);
        System.out.printf(Locale.ROOT, "%s: %d files in the map, %d commits replayed, %d seeds%n", root,
                map.files().size(), replayed, stat.n);
        System.out.println("ranking           P@10    R@10    R@all   MAP");
        stat.print("static blast   ");
        hist.print("history only   ");
        both.print("static+history ");
        System.out.printf(Locale.ROOT, "truth = the Java files of the commit only (%d seeds)%n", statJava.n);
        statJava.print("static blast   ");
        histJava.print("history only   ");
        bothJava.print("static+history ");
    }

    private static List<Set<String>> transactions(GitRepo repo) throws Exception {
        String out = repo.git().run("log", "--no-merges", "--no-renames", "--name-only", "--format=%x1e",
                "-n", Integer.toString(CoChangeMiner.MAX_COMMITS), "HEAD");
        List<Set<String>> txs = new ArrayList<>();
        for (String commit : out.split("\u001e")) {
            Set<String> set = new LinkedHashSet<>();
            for (String line : commit.split("\n")) {
                String p = line.isBlank() ? null : repo.relativize(line.strip());
                if (p != null) {
                    set.add(p);
                }
            }
            if (!set.isEmpty()) {
                txs.add(set);
            }
        }
        return txs;
    }

    private static List<String> rank(Map<String, Double> scores) {
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Mean precision@10, recall@10, recall over the whole ranking and average precision. */
    private static final class Metrics {
        int n;
        double p10;
        double r10;
        double rAll;
        double ap;

        void add(List<String> ranking, Set<String> truth) {
            n++;
            int hits = 0;
            int hits10 = 0;
            double sumPrec = 0;
            for (int i = 0; i < ranking.size(); i++) {
                if (truth.contains(ranking.get(i))) {
                    hits++;
                    sumPrec += (double) hits / (i + 1);
                    if (i < 10) {
                        hits10++;
                    }
                }
            }
            p10 += hits10 / 10.0;
            r10 += (double) hits10 / truth.size();
            rAll += (double) hits / truth.size();
            ap += sumPrec / truth.size();
        }

        void print(String label) {
            System.out.printf(Locale.ROOT, "%s %.3f   %.3f   %.3f   %.3f%n", label, p10 / n, r10 / n, rAll / n, ap / n);
        }
    }
}
