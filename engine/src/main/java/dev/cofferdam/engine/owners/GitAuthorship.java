package dev.cofferdam.engine.owners;

import dev.cofferdam.engine.git.GitException;
import dev.cofferdam.engine.git.GitRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recent git authorship per file: lines added plus removed per author over the last
 * {@value #MAX_COMMITS} non-merge commits within {@value #WINDOW_DAYS} days before HEAD, each
 * commit weighted by exponential decay with a half-life of {@value #HALF_LIFE_DAYS} days (a line
 * written six months before HEAD counts half, a year before a quarter). A file nobody touched in
 * the window takes its authors from the older commits read instead. Ages are measured from
 * HEAD's commit time, not the clock, so the result depends only on the commit and can be cached by
 * it. Results are cached on disk under the cache directory, keyed by repository and HEAD.
 * Thread-safe.
 */
public final class GitAuthorship {
    private static final Logger LOG = LoggerFactory.getLogger(GitAuthorship.class);
    public static final int MAX_COMMITS = 2000;
    public static final int WINDOW_DAYS = 365;
    public static final int HALF_LIFE_DAYS = 180;

    private final AuthorshipCache cache;

    /** @param cacheDir where results are cached (a subdirectory is used), or null for no cache */
    public GitAuthorship(Path cacheDir) {
        this.cache = new AuthorshipCache(cacheDir);
    }

    /** Uses the user's cache directory. */
    public static GitAuthorship withDefaultCache() {
        return new GitAuthorship(CacheDirs.cacheRoot());
    }

    /**
     * @return authors per file (paths relative to the repo's map root), best score first; empty
     *         when the repository has no commit
     * @throws GitException when git fails
     */
    public Map<String, List<AuthorScore>> authorship(GitRepo repo, Path root) throws GitException {
        Optional<String> head = repo.head();
        if (head.isEmpty()) {
            return Map.of();
        }
        Optional<Map<String, List<AuthorScore>>> cached = cache.get(root, head.get());
        if (cached.isPresent()) {
            return cached.get();
        }
        long headTime = Long.parseLong(repo.git().run("log", "-1", "--format=%ct", head.get()).strip());
        String log = repo.git().run("log", "--no-merges", "-M", "--numstat", "--format=%x1e%aE%x1f%at",
                "-n", Integer.toString(MAX_COMMITS), head.get(), "--");
        Map<String, Map<String, Double>> raw = new NumstatParser(headTime, WINDOW_DAYS, HALF_LIFE_DAYS).parse(log);
        Map<String, List<AuthorScore>> result = new HashMap<>();
        for (Map.Entry<String, Map<String, Double>> e : raw.entrySet()) {
            String path = repo.relativize(e.getKey());
            if (path == null) {
                continue;
            }
            List<AuthorScore> list = new ArrayList<>();
            e.getValue().forEach((a, s) -> list.add(new AuthorScore(a, s)));
            list.sort(Comparator.comparingDouble(AuthorScore::score).reversed().thenComparing(AuthorScore::author));
            result.put(path, List.copyOf(list));
        }
        LOG.debug("authorship of {} at {}: {} files", root, head.get(), result.size());
        cache.put(root, head.get(), result);
        return result;
    }
}
