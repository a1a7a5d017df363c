package dev.cofferdam.engine.git;

import dev.cofferdam.engine.AnalysisException;

/** A git command failed, git is missing, or the directory is not a git repository. One-line message. */
public class GitException extends AnalysisException {
    private static final long serialVersionUID = 1L;

    public GitException(String message) {
        super(message);
    }

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
