package dev.cofferdam.app.run;

import java.util.List;

/**
 * One sandboxed agent run, kept for the review that follows it. Immutable.
 *
 * @param sandbox     the sandbox name
 * @param agent       the agent's id ({@link RunAgent#id()})
 * @param workspace   the host workspace (absolute)
 * @param cloned      whether the agent worked on a private clone (its changes: branch {@code cofferdam/<sandbox>})
 * @param base        the commit the session started from (a snapshot of the work tree in direct mode), or
 *                    empty outside git
 * @param startedMs   when the run started (epoch milliseconds)
 * @param endedMs     when the agent exited, 0 while it runs
 * @param exitCode    the agent's exit code, -1 while it runs
 * @param transcripts host paths of the transcripts copied out of the guest
 */
public record RunRecord(String sandbox, String agent, String workspace, boolean cloned, String base, long startedMs,
                        long endedMs, int exitCode, List<String> transcripts) {
    public RunRecord {
        transcripts = List.copyOf(transcripts);
    }

    /** @return the record of a finished run */
    public RunRecord ended(long at, int code, List<String> copied) {
        return new RunRecord(sandbox, agent, workspace, cloned, base, startedMs, at, code, copied);
    }

    /** @return the branch the run's changes are on in clone mode */
    public String cloneBranch() {
        return "cofferdam/" + sandbox;
    }
}
