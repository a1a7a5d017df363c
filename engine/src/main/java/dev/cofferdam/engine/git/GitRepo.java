package dev.cofferdam.engine.git;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A directory inside a git work tree. Git prints paths relative to the top of the work tree; this
 * class maps them to paths relative to the directory (the map root), dropping paths outside it.
 * Immutable and thread-safe.
 */
public final class GitRepo {
    private final GitCli git;
    private final String prefix;

    private GitRepo(GitCli git, String prefix) {
        this.git = git;
        this.prefix = prefix;
    }

    /**
     * @return the repository containing {@code root}
     * @throws GitException when git is missing or {@code root} is not inside a git work tree
     */
    public static GitRepo open(Path root) throws GitException {
        if (!Files.isDirectory(root)) {
            throw new GitException("not a directory: " + root);
        }
        GitCli git = new GitCli(root);
        GitCli.Result r = git.exec("rev-parse", "--show-prefix");
        if (r.status() != 0) {
            throw new GitException(root + " is not inside a git repository");
        }
        return new GitRepo(git, r.out().strip());
    }

    /** Like {@link #open} but empty when git is missing or {@code root} is not in a git repository. */
    public static Optional<GitRepo> find(Path root) {
        try {
            return Optional.of(open(root));
        } catch (GitException e) {
            return Optional.empty();
        }
    }

    public GitCli git() {
        return git;
    }

    /** @return the commit id of HEAD, or empty in a repository with no commit yet */
    public Optional<String> head() throws GitException {
        GitCli.Result r = git.exec("rev-parse", "--verify", "--quiet", "HEAD^{commit}");
        return r.status() == 0 ? Optional.of(r.out().strip()) : Optional.empty();
    }

    /**
     * @param topPath a path relative to the top of the work tree, as git prints it
     * @return the path relative to the map root, or null when it lies outside the root
     */
    public String relativize(String topPath) {
        if (prefix.isEmpty()) {
            return topPath;
        }
        return topPath.startsWith(prefix) ? topPath.substring(prefix.length()) : null;
    }
}
