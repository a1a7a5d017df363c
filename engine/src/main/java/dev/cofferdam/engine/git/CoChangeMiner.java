package dev.cofferdam.engine.git;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mines evolutionary coupling from git history as in Zimmermann, Weißgerber, Diehl and Zeller,
 * "Mining Version Histories to Guide Software Changes" (ICSE 2004): each non-merge commit is a
 * transaction; for a seed {@code s} and a file {@code f}, support = commits changing both, and
 * confidence = support / commits changing {@code s}. Commits touching more than
 * {@link #MAX_TRANSACTION} files are skipped (mass edits say nothing about coupling).
 * Immutable and thread-safe once built.
 */
public final class CoChangeMiner {
    /** Commits read, newest first. */
    public static final int MAX_COMMITS = 2000;
    /** Larger commits are ignored. */
    public static final int MAX_TRANSACTION = 30;

    private final List<Set<String>> transactions;

    CoChangeMiner(List<Set<String>> transactions) {
        this.transactions = List.copyOf(transactions);
    }

    /** A miner over given transactions (sets of paths changed together), e.g. to replay history. */
    public static CoChangeMiner of(List<Set<String>> transactions) {
        List<Set<String>> kept = new ArrayList<>();
        for (Set<String> tx : transactions) {
            if (tx.size() >= 2 && tx.size() <= MAX_TRANSACTION) {
                kept.add(Set.copyOf(tx));
            }
        }
        return new CoChangeMiner(kept);
    }

    /**
     * Reads the transactions of the last {@link #MAX_COMMITS} non-merge commits reachable from HEAD.
     *
     * @return a miner over them (empty when the repository has no commit)
     * @throws GitException when git fails
     */
    public static CoChangeMiner read(GitRepo repo) throws GitException {
        if (repo.head().isEmpty()) {
            return new CoChangeMiner(List.of());
        }
        String out = repo.git().run("log", "--no-merges", "--no-renames", "--name-only", "--format=%x1e",
                "-n", Integer.toString(MAX_COMMITS), "HEAD");
        List<Set<String>> txs = new ArrayList<>();
        for (String commit : out.split("\u001e")) {
            Set<String> files = new LinkedHashSet<>();
            for (String line : commit.split("\n")) {
                String p = line.strip().isEmpty() ? null : repo.relativize(line.strip());
                if (p != null) {
                    files.add(p);
                }
            }
            if (files.size() >= 2 && files.size() <= MAX_TRANSACTION) {
                txs.add(files);
            }
        }
        return new CoChangeMiner(txs);
    }

    /** Number of transactions kept. */
    public int transactions() {
        return transactions.size();
    }

    /**
     * Rules {@code seed -> f} for every seed, best confidence first (then support, then path).
     * Seeds themselves are never consequents.
     *
     * @param minSupport    smallest support kept (2 filters one-off coincidences)
     * @param minConfidence smallest confidence kept
     * @param limit         most rules returned
     */
    public List<CoChange> coupledWith(Collection<String> seeds, int minSupport, double minConfidence, int limit) {
        Set<String> seedSet = new HashSet<>(seeds);
        List<CoChange> rules = new ArrayList<>();
        for (String seed : seedSet) {
            int seedCount = 0;
            Map<String, Integer> together = new HashMap<>();
            for (Set<String> tx : transactions) {
                if (!tx.contains(seed)) {
                    continue;
                }
                seedCount++;
                for (String f : tx) {
                    if (!seedSet.contains(f)) {
                        together.merge(f, 1, Integer::sum);
                    }
                }
            }
            for (Map.Entry<String, Integer> e : together.entrySet()) {
                double confidence = (double) e.getValue() / seedCount;
                if (e.getValue() >= minSupport && confidence >= minConfidence) {
                    rules.add(new CoChange(seed, e.getKey(), e.getValue(), confidence));
                }
            }
        }
        rules.sort(Comparator.comparingDouble(CoChange::confidence).reversed()
                .thenComparing(Comparator.comparingInt(CoChange::support).reversed())
                .thenComparing(CoChange::path).thenComparing(CoChange::seed));
        // one rule per consequent: the strongest
        Set<String> seen = new HashSet<>();
        List<CoChange> best = new ArrayList<>();
        for (CoChange r : rules) {
            if (seen.add(r.path()) && best.size() < limit) {
                best.add(r);
            }
        }
        return best;
    }
}
