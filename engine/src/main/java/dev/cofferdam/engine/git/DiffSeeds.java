package dev.cofferdam.engine.git;

import dev.cofferdam.engine.AnalysisException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a change touches, to use as blast-radius seeds: a revision range, a unified patch file,
 * or the uncommitted work tree. Renamed files count by their new path; deleted files are kept
 * (their dependents break). Stateless and thread-safe.
 */
public final class DiffSeeds {
    private DiffSeeds() {
    }

    /**
     * Files changed between two revisions ({@code git diff --name-status -M A B}).
     *
     * @param range {@code A..B}, {@code A...B} (from the merge base) or a single revision {@code A} (= {@code A..HEAD})
     * @throws AnalysisException when {@code root} is not in a git repository or a revision does not exist
     */
    public static List<ChangedFile> fromRange(Path root, String range) throws AnalysisException {
        GitRepo repo = GitRepo.open(root);
        String a;
        String b;
        boolean mergeBase = false;
        int dots = range.indexOf("...");
        if (dots >= 0) {
            a = range.substring(0, dots);
            b = range.substring(dots + 3);
            mergeBase = true;
        } else if (range.contains("..")) {
            a = range.substring(0, range.indexOf(".."));
            b = range.substring(range.indexOf("..") + 2);
        } else {
            a = range;
            b = "HEAD";
        }
        a = a.isBlank() ? "HEAD" : a.strip();
        b = b.isBlank() ? "HEAD" : b.strip();
        verify(repo, a);
        verify(repo, b);
        String out = mergeBase
                ? repo.git().run("diff", "--name-status", "-z", "-M", a + "..." + b, "--")
                : repo.git().run("diff", "--name-status", "-z", "-M", a, b, "--");
        return parseNameStatus(repo, out);
    }

    /**
     * Staged, unstaged and untracked changes of the work tree ({@code git status --porcelain -z}).
     *
     * @throws AnalysisException when {@code root} is not in a git repository
     */
    public static List<ChangedFile> fromWorkingTree(Path root) throws AnalysisException {
        GitRepo repo = GitRepo.open(root);
        String out = repo.git().run("status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames");
        Map<String, ChangedFile> files = new LinkedHashMap<>();
        String[] parts = out.split("\0");
        for (String entry : parts) {
            if (entry.length() < 4) {
                continue;
            }
            char x = entry.charAt(0);
            char y = entry.charAt(1);
            String path = repo.relativize(entry.substring(3));
            if (path == null) {
                continue;
            }
            ChangeKind kind;
            if (x == '?') {
                kind = ChangeKind.UNTRACKED;
            } else if (x == 'D' || y == 'D') {
                kind = ChangeKind.DELETED;
            } else if (x == 'A') {
                kind = ChangeKind.ADDED;
            } else {
                kind = ChangeKind.MODIFIED;
            }
            files.put(path, ChangedFile.of(path, kind));
        }
        return List.copyOf(files.values());
    }

    /**
     * Files named by the headers of a unified diff ({@code diff --git}, {@code ---}/{@code +++}).
     *
     * @throws AnalysisException when the file cannot be read or holds no diff header
     */
    public static List<ChangedFile> fromPatch(Path patch) throws AnalysisException {
        if (!Files.isRegularFile(patch)) {
            throw new AnalysisException((Files.exists(patch) ? "not a file: " : "no such patch file: ") + patch);
        }
        String text;
        try {
            text = Files.readString(patch, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            try {
                text = new String(Files.readAllBytes(patch), StandardCharsets.ISO_8859_1);
            } catch (IOException e2) {
                throw new AnalysisException("cannot read patch " + patch + ": " + e2.getMessage(), e2);
            }
        } catch (IOException e) {
            throw new AnalysisException("cannot read patch " + patch + ": " + e.getMessage(), e);
        }
        List<ChangedFile> files = PatchParser.parse(text);
        if (files.isEmpty()) {
            throw new AnalysisException("no diff header in " + patch + " (expected a unified diff)");
        }
        return files;
    }

    private static void verify(GitRepo repo, String rev) throws GitException {
        GitCli.Result r = repo.git().exec("rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}");
        if (r.status() != 0) {
            throw new GitException("unknown revision '" + rev + "' (try `git log --oneline`)");
        }
    }

    private static List<ChangedFile> parseNameStatus(GitRepo repo, String out) {
        List<ChangedFile> files = new ArrayList<>();
        String[] f = out.split("\0");
        int i = 0;
        while (i < f.length) {
            String status = f[i++];
            if (status.isEmpty()) {
                continue;
            }
            char c = status.charAt(0);
            if ((c == 'R' || c == 'C') && i + 1 < f.length) {
                String oldPath = repo.relativize(f[i++]);
                String newPath = repo.relativize(f[i++]);
                if (newPath != null) {
                    files.add(new ChangedFile(newPath, oldPath, c == 'R' ? ChangeKind.RENAMED : ChangeKind.COPIED));
                } else if (oldPath != null && c == 'R') {
                    files.add(ChangedFile.of(oldPath, ChangeKind.DELETED));
                }
                continue;
            }
            if (i >= f.length) {
                break;
            }
            String path = repo.relativize(f[i++]);
            if (path == null) {
                continue;
            }
            ChangeKind kind = switch (c) {
                case 'A' -> ChangeKind.ADDED;
                case 'D' -> ChangeKind.DELETED;
                default -> ChangeKind.MODIFIED;
            };
            files.add(ChangedFile.of(path, kind));
        }
        return files;
    }
}
