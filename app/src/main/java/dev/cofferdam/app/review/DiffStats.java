package dev.cofferdam.app.review;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.git.ChangeKind;
import dev.cofferdam.engine.git.ChangedFile;
import dev.cofferdam.engine.git.DiffSeeds;
import dev.cofferdam.engine.git.GitRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a change with their added/deleted line counts ({@code git diff --numstat}); the file
 * list and kinds are the ones the blast radius starts from ({@link DiffSeeds}). Stateless and
 * thread-safe.
 */
public final class DiffStats {
    private DiffStats() {
    }

    /** @param range {@code A..B}, {@code A...B} or {@code A} (= {@code A..HEAD}) */
    public static List<DiffStat> ofRange(Path root, String range) throws AnalysisException {
        List<ChangedFile> files = DiffSeeds.fromRange(root, range);
        GitRepo repo = GitRepo.open(root);
        String spec = range.contains("..") ? range : range + "..HEAD";
        return join(files, numstat(repo, repo.git().run("diff", "--numstat", "-z", "-M", spec, "--")), root);
    }

    /** Staged, unstaged and untracked changes against HEAD. */
    public static List<DiffStat> ofWorkingTree(Path root) throws AnalysisException {
        List<ChangedFile> files = DiffSeeds.fromWorkingTree(root);
        GitRepo repo = GitRepo.open(root);
        Map<String, int[]> counts = repo.head().isPresent()
                ? numstat(repo, repo.git().run("diff", "--numstat", "-z", "HEAD", "--"))
                : new HashMap<>();
        return join(files, counts, root);
    }

    private static List<DiffStat> join(List<ChangedFile> files, Map<String, int[]> counts, Path root) {
        List<DiffStat> out = new ArrayList<>();
        for (ChangedFile f : files) {
            int[] c = counts.get(f.path());
            if (c == null && f.kind() == ChangeKind.UNTRACKED) {
                c = new int[] {lines(root.resolve(f.path())), 0};
            }
            if (c == null) {
                c = new int[] {0, 0};
            }
            out.add(new DiffStat(f.path(), f.oldPath(), f.kind(), c[0], c[1]));
        }
        return out;
    }

    /** {@code added \t deleted \t path \0}, or for a rename {@code added \t deleted \t \0 old \0 new \0}. */
    static Map<String, int[]> numstat(GitRepo repo, String out) {
        Map<String, int[]> m = new HashMap<>();
        String[] f = out.split("\0");
        int i = 0;
        while (i < f.length) {
            String[] cols = f[i++].split("\t", 3);
            if (cols.length < 3) {
                continue;
            }
            String path = cols[2];
            if (path.isEmpty() && i + 1 < f.length) {
                i++; // old path
                path = f[i++];
            }
            String rel = repo.relativize(path);
            if (rel != null) {
                m.put(rel, new int[] {count(cols[0]), count(cols[1])});
            }
        }
        return m;
    }

    private static int count(String s) {
        return s.equals("-") ? -1 : Integer.parseInt(s);
    }

    private static int lines(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            for (byte x : b) {
                if (x == 0) {
                    return -1;
                }
            }
            String text = new String(b, StandardCharsets.UTF_8);
            return text.isEmpty() ? 0 : (int) text.lines().count();
        } catch (IOException e) {
            return 0;
        }
    }
}
