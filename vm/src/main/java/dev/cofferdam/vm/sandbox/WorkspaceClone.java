package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.image.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --clone} workspaces: the guest works on a private {@code git clone} of the user's
 * repository, and its changes come back as the branch {@code cofferdam/<sandbox>} in that
 * repository, for review. The user's working tree is never written. Stateless and thread-safe.
 */
final class WorkspaceClone {
    private WorkspaceClone() {
    }

    static String branch(String sandbox) {
        return "cofferdam/" + sandbox;
    }

    /** Checks that the workspace is a git repository with at least one commit. */
    static void validate(Path repo) throws SandboxException {
        try {
            HostCommand.run(repo, 30, List.of("git", "rev-parse", "--verify", "HEAD"));
        } catch (IOException e) {
            throw new SandboxException("--clone needs a git repository with a commit: " + repo + " is not one");
        }
    }

    /** Clones the repository's current HEAD into {@code target}. */
    static void create(Path repo, Path target) throws SandboxException {
        try {
            Files.createDirectories(target.getParent());
            HostCommand.run(null, 300, List.of("git", "clone", "--quiet", "--no-hardlinks", repo.toString(), target.toString()));
        } catch (IOException e) {
            throw new SandboxException("cloning " + repo + " failed: " + e.getMessage(), false, e);
        }
    }

    /**
     * Commits whatever the guest changed in the clone and fetches it into the user's repository
     * as {@code cofferdam/<sandbox>} (forced: the branch always mirrors the sandbox).
     *
     * @return whether the clone differs from where it started
     */
    static boolean bringBack(String sandbox, Path repo, Path clone) throws SandboxException {
        if (!Files.isDirectory(clone.resolve(".git"))) {
            return false;
        }
        try {
            List<String> git = List.of("git", "-c", "user.name=Cofferdam sandbox " + sandbox,
                    "-c", "user.email=sandbox@cofferdam.invalid", "-c", "commit.gpgsign=false");
            HostCommand.run(clone, 120, concat(git, "add", "-A"));
            String status = HostCommand.run(clone, 60, List.of("git", "status", "--porcelain"));
            if (!status.isBlank()) {
                HostCommand.run(clone, 120, concat(git, "commit", "--quiet", "-m", "Changes made in sandbox " + sandbox));
            }
            String head = HostCommand.run(clone, 30, List.of("git", "rev-parse", "HEAD")).strip();
            String origin = HostCommand.run(clone, 30, List.of("git", "rev-parse", "origin/HEAD")).strip();
            if (head.equals(origin)) {
                return false;
            }
            HostCommand.run(repo, 300, List.of("git", "fetch", "--quiet", clone.toString(),
                    "+HEAD:refs/heads/" + branch(sandbox)));
            return true;
        } catch (IOException e) {
            throw new SandboxException("bringing back the changes of " + sandbox + " failed: " + e.getMessage(), false, e);
        }
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
