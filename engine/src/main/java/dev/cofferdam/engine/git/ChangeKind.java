package dev.cofferdam.engine.git;

/** How a file changed in a diff. */
public enum ChangeKind {
    ADDED, MODIFIED, DELETED, RENAMED, COPIED, UNTRACKED
}
