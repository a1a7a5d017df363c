package dev.cofferdam.engine.owners;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.git.GitException;
import dev.cofferdam.engine.git.GitRepo;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the owners of files and modules from CODEOWNERS and git authorship. The map pipeline calls
 * it as its last step.
 * <p>A file's owners are its CODEOWNERS owners (see {@link CodeOwners}) followed by its top
 * {@value #MAX_AUTHORS} recent git authors (see {@link GitAuthorship}; authors below
 * {@value #MIN_SHARE_PERCENT}% of the file's top score are left out). A module's owners are
 * aggregated from its files: each file gives {@code max(1, loc) / (i + 1)} to its owner at position
 * {@code i}; the {@value #MAX_MODULE_OWNERS} best are kept. Without git (or outside a repository)
 * only CODEOWNERS is used, silently. Stateless and thread-safe.
 */
public final class Ownership {
    private static final Logger LOG = LoggerFactory.getLogger(Ownership.class);
    public static final int MAX_AUTHORS = 3;
    public static final int MIN_SHARE_PERCENT = 10;
    public static final int MAX_MODULE_OWNERS = 5;

    private Ownership() {
    }

    /**
     * @return a copy of {@code map} with owners filled; {@code map} itself when nothing is known
     */
    public static RepoMap withOwners(RepoMap map, Path root, ProgressListener progress) {
        return withOwners(map, root, progress, GitAuthorship.withDefaultCache());
    }

    /** As {@link #withOwners(RepoMap, Path, ProgressListener)}, with the authorship source given. */
    public static RepoMap withOwners(RepoMap map, Path root, ProgressListener progress, GitAuthorship authorship) {
        progress.progress("owners", 0, 2);
        CodeOwners codeOwners = CodeOwners.load(root);
        Map<String, List<AuthorScore>> authors = authors(root, authorship);
        progress.progress("owners", 1, 2);
        if (codeOwners.isEmpty() && authors.isEmpty()) {
            progress.progress("owners", 2, 2);
            return map;
        }
        List<SourceFile> files = new ArrayList<>(map.files().size());
        for (SourceFile f : map.files()) {
            List<String> owners = fileOwners(codeOwners.ownersOf(f.path()), authors.getOrDefault(f.path(), List.of()));
            files.add(new SourceFile(f.path(), f.module(), f.language(), f.loc(), f.test(), f.generated(), owners,
                    f.parseErrors()));
        }
        List<Module> modules = new ArrayList<>(map.modules().size());
        Map<String, List<SourceFile>> byModule = new HashMap<>();
        for (SourceFile f : files) {
            byModule.computeIfAbsent(f.module(), k -> new ArrayList<>()).add(f);
        }
        for (Module m : map.modules()) {
            List<String> owners = moduleOwners(byModule.getOrDefault(m.id(), List.of()));
            modules.add(new Module(m.id(), m.name(), m.kind(), m.path(), m.files(), m.loc(), owners));
        }
        progress.progress("owners", 2, 2);
        return new RepoMap(map.root(), modules, files, map.types(), map.edges(), map.typeEdges(), map.external(),
                map.cycles());
    }

    static List<String> fileOwners(List<String> codeOwners, List<AuthorScore> authors) {
        Set<String> owners = new LinkedHashSet<>(codeOwners);
        double top = authors.isEmpty() ? 0 : authors.get(0).score();
        int added = 0;
        for (AuthorScore a : authors) {
            if (added == MAX_AUTHORS || a.score() * 100 < top * MIN_SHARE_PERCENT) {
                break;
            }
            if (owners.add(a.author())) {
                added++;
            }
        }
        return List.copyOf(owners);
    }

    static List<String> moduleOwners(List<SourceFile> files) {
        Map<String, Double> weight = new HashMap<>();
        for (SourceFile f : files) {
            List<String> owners = f.owners();
            for (int i = 0; i < owners.size(); i++) {
                weight.merge(owners.get(i), Math.max(1, f.loc()) / (i + 1.0), Double::sum);
            }
        }
        return weight.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_MODULE_OWNERS)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Map<String, List<AuthorScore>> authors(Path root, GitAuthorship authorship) {
        Optional<GitRepo> repo = GitRepo.find(root);
        if (repo.isEmpty()) {
            LOG.debug("{} is not in a git repository (or git is missing): CODEOWNERS only", root);
            return Map.of();
        }
        try {
            return authorship.authorship(repo.get(), root);
        } catch (GitException e) {
            LOG.warn("git authorship of {} unavailable: {}", root, e.getMessage());
            return Map.of();
        }
    }
}
