package dev.cofferdam.engine.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Records a work tree as it is now (tracked changes and untracked files that are not ignored) as a
 * commit object whose parent is HEAD, without touching the user's index, branches or files: the
 * files are staged into a private copy of the index. The commit is kept reachable under a ref of
 * the caller's choosing in {@code refs/cofferdam/}. A clean tree gives HEAD itself. Stateless.
 */
public final class WorkTreeSnapshot {
    private static final Map<String, String> IDENTITY = Map.of(
            "GIT_AUTHOR_NAME", "Cofferdam", "GIT_AUTHOR_EMAIL", "cofferdam@localhost",
            "GIT_COMMITTER_NAME", "Cofferdam", "GIT_COMMITTER_EMAIL", "cofferdam@localhost");

    private WorkTreeSnapshot() {
    }

    /**
     * @param repo    the repository (its whole work tree is recorded, whatever the map root)
     * @param ref     where to keep the commit, relative to {@code refs/cofferdam/}, e.g. {@code runs/box/base}
     * @param message the commit message
     * @return the commit id
     * @throws GitException when git fails
     */
    public static String take(GitRepo repo, String ref, String message) throws GitException {
        GitCli git = repo.git();
        Optional<String> head = repo.head();
        Path index;
        try {
            index = Files.createTempFile("cofferdam-index-", "");
        } catch (IOException e) {
            throw new GitException("cannot create a temporary index: " + e.getMessage(), e);
        }
        try {
            Path real = Path.of(git.run("rev-parse", "--path-format=absolute", "--git-path", "index").strip());
            if (Files.isRegularFile(real)) {
                // Starting from the real index keeps its stat data: only changed files are hashed again.
                Files.copy(real, index, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.delete(index);
            }
            GitCli staged = git.withEnv(Map.of("GIT_INDEX_FILE", index.toString()));
            String top = git.run("rev-parse", "--show-toplevel").strip();
            staged.run("-C", top, "add", "--all", "--", ".");
            String tree = staged.run("write-tree").strip();
            String commit;
            if (head.isPresent() && tree.equals(git.run("rev-parse", head.get() + "^{tree}").strip())) {
                commit = head.get();
            } else if (head.isPresent()) {
                commit = git.withEnv(IDENTITY).run("commit-tree", tree, "-p", head.get(), "-m", message).strip();
            } else {
                commit = git.withEnv(IDENTITY).run("commit-tree", tree, "-m", message).strip();
            }
            git.run("update-ref", "refs/cofferdam/" + ref, commit);
            return commit;
        } catch (IOException e) {
            throw new GitException("cannot copy the index: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(index);
            } catch (IOException e) {
                // a stray temporary file is harmless
            }
        }
    }

    /** @return whether the work tree has uncommitted changes or untracked, not ignored, files */
    public static boolean isDirty(GitRepo repo) throws GitException {
        return !repo.git().run("status", "--porcelain=v1", "--untracked-files=normal").isBlank();
    }
}
