package dev.cofferdam.engine.scan;

/**
 * A folder whose sub-folders are packages.
 *
 * @param path relative to the repository root ("" when the root itself is a source root)
 * @param test true for test sources
 */
public record SourceRoot(String path, boolean test) {

    /** @return true when {@code file} (repository-relative) lies below this root */
    public boolean contains(String file) {
        return path.isEmpty() || file.startsWith(path) && file.length() > path.length() && file.charAt(path.length()) == '/';
    }

    /** @return the part of {@code file} below this root */
    public String relativize(String file) {
        return path.isEmpty() ? file : file.substring(path.length() + 1);
    }
}
