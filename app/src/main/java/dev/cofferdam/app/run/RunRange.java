package dev.cofferdam.app.run;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.git.GitException;
import dev.cofferdam.engine.git.GitRepo;
import dev.cofferdam.engine.git.WorkTreeSnapshot;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a recorded run changed, as a git range for review: from the commit the session started on
 * to the clone's branch, or (direct mount) to a snapshot of the work tree as it is now, untracked
 * files included. Stateless.
 */
public final class RunRange {
    private RunRange() {
    }

    /**
     * @param run  the run
     * @param root the repository (the run's workspace)
     * @return {@code base..end}
     * @throws AnalysisException when the workspace is not a git repository or the clone's branch is missing
     */
    public static String of(RunRecord run, Path root) throws AnalysisException {
        if (run.base().isEmpty()) {
            throw new AnalysisException(run.workspace() + " was not a git repository when the session started: "
                    + "there is no starting point to diff against");
        }
        GitRepo repo = GitRepo.open(root);
        if (run.cloned()) {
            GitException missing = null;
            try {
                repo.git().run("rev-parse", "--verify", "--quiet", run.cloneBranch() + "^{commit}");
            } catch (GitException e) {
                missing = e;
            }
            if (missing != null) {
                throw new AnalysisException("branch " + run.cloneBranch() + " is not there yet: stop the sandbox "
                        + "(`cofferdam sandbox stop " + run.sandbox() + "`) to bring the clone's changes back");
            }
            return run.base() + ".." + run.cloneBranch();
        }
        String end = WorkTreeSnapshot.take(repo, "runs/" + run.sandbox() + "/end",
                "cofferdam review: work tree after the " + run.agent() + " session in " + run.sandbox());
        return run.base() + ".." + end;
    }

    /** @return the session's own transcript (not a sub-agent's), if one was copied out */
    public static Optional<Path> mainTranscript(RunRecord run) {
        return run.transcripts().stream().filter(t -> !t.contains("/subagents/")).findFirst().map(Path::of);
    }
}
