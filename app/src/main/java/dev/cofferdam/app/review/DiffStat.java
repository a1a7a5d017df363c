package dev.cofferdam.app.review;

import dev.cofferdam.engine.git.ChangeKind;

/**
 * One file of the change under review.
 *
 * @param path    path after the change, relative to the repository root
 * @param oldPath path before a rename or copy, else null
 * @param kind    how it changed
 * @param added   lines added, or -1 for a binary file
 * @param deleted lines deleted, or -1 for a binary file
 */
public record DiffStat(String path, String oldPath, ChangeKind kind, int added, int deleted) {
    public boolean binary() {
        return added < 0;
    }
}
