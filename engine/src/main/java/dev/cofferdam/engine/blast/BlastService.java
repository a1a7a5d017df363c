package dev.cofferdam.engine.blast;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.git.ChangedFile;
import dev.cofferdam.engine.git.CoChange;
import dev.cofferdam.engine.git.CoChangeMiner;
import dev.cofferdam.engine.git.DiffSeeds;
import dev.cofferdam.engine.git.GitException;
import dev.cofferdam.engine.git.GitRepo;
import dev.cofferdam.engine.map.RepoMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point the CLI, the workbench and MCP share for a blast radius: resolves seeds and
 * diffs, walks the map, adds the history signal. Keeps the {@link BlastRadius} of the last map it
 * saw, so repeated queries on one map reuse its index. Thread-safe.
 */
public final class BlastService {
    private static final Logger LOG = LoggerFactory.getLogger(BlastService.class);
    /** History rules need this many common commits ... */
    public static final int MIN_SUPPORT = 2;
    /** ... and this confidence. */
    public static final double MIN_CONFIDENCE = 0.25;
    public static final int MAX_HISTORY = 20;

    private volatile BlastRadius last;
    private volatile History lastHistory;

    /** The (cached) blast radius index of {@code map}. */
    public BlastRadius radius(RepoMap map) {
        BlastRadius r = last;
        if (r == null || r.map() != map) {
            r = new BlastRadius(map);
            last = r;
        }
        return r;
    }

    /**
     * @param root     the repository root the map was made of (for git)
     * @param maxDepth hops at most (0 = no limit)
     * @param history  whether to mine git history for co-changed files
     * @throws AnalysisException for an unknown seed, a bad range, an unreadable patch, no git repository
     */
    public BlastReport blast(RepoMap map, Path root, SeedSpec spec, int maxDepth, boolean history)
            throws AnalysisException {
        if (spec.isEmpty()) {
            throw new AnalysisException("nothing to start from: name a file, type or module, or a diff");
        }
        BlastRadius radius = radius(map);
        ResolvedSeeds seeds = resolve(radius, root, spec);
        BlastResult result = radius.compute(seeds, maxDepth);
        List<CoChange> coupled = history ? history(root, seeds) : List.of();
        return new BlastReport(result, coupled);
    }

    /** Resolves the seed strings and the diff of {@code spec} into one set of seeds. */
    public ResolvedSeeds resolve(BlastRadius radius, Path root, SeedSpec spec) throws AnalysisException {
        List<ChangedFile> changes = new ArrayList<>();
        if (spec.gitRange() != null) {
            changes.addAll(DiffSeeds.fromRange(root, spec.gitRange()));
        }
        if (spec.patch() != null) {
            changes.addAll(DiffSeeds.fromPatch(spec.patch()));
        }
        if (spec.workingTree()) {
            changes.addAll(DiffSeeds.fromWorkingTree(root));
        }
        ResolvedSeeds named = radius.resolver().resolve(spec.seeds());
        ResolvedSeeds diff = radius.resolver().fromChanges(changes);
        if (spec.seeds().isEmpty() && changes.isEmpty()) {
            throw new AnalysisException("the diff is empty: no changed file to start from");
        }
        return new ResolvedSeeds(union(named.labels(), diff.labels()), union(named.files(), diff.files()),
                diff.removed());
    }

    /** Co-changes of the seeds; the transactions are read once per (root, HEAD) and kept. */
    private List<CoChange> history(Path root, ResolvedSeeds seeds) {
        Optional<GitRepo> repo = GitRepo.find(root);
        if (repo.isEmpty()) {
            return List.of();
        }
        try {
            String head = repo.get().head().orElse("");
            History h = lastHistory;
            if (h == null || !h.root().equals(root) || !h.head().equals(head)) {
                h = new History(root, head, CoChangeMiner.read(repo.get()));
                lastHistory = h;
            }
            // files deleted since are history, not something to look at now
            return h.miner().coupledWith(seeds.labels(), MIN_SUPPORT, MIN_CONFIDENCE, 4 * MAX_HISTORY).stream()
                    .filter(c -> Files.exists(root.resolve(c.path())))
                    .limit(MAX_HISTORY)
                    .toList();
        } catch (GitException e) {
            LOG.warn("no history signal for {}: {}", root, e.getMessage());
            return List.of();
        }
    }

    private record History(Path root, String head, CoChangeMiner miner) {
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }
}
