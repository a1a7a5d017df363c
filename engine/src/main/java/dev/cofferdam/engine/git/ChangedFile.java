package dev.cofferdam.engine.git;

/**
 * One file of a diff.
 *
 * @param path    its path after the change, relative to the map root (for a deletion, the deleted path)
 * @param oldPath its path before a rename or copy, otherwise null
 * @param kind    how it changed
 */
public record ChangedFile(String path, String oldPath, ChangeKind kind) {
    public static ChangedFile of(String path, ChangeKind kind) {
        return new ChangedFile(path, null, kind);
    }
}
