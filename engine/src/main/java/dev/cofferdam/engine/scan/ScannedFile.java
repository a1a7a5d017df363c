package dev.cofferdam.engine.scan;

import java.nio.file.Path;

/**
 * A regular file found by the scanner (not yet read).
 *
 * @param path  relative to the repository root, '/' separators
 * @param file  absolute location
 * @param size  bytes
 * @param mtime last modification, milliseconds since the epoch
 */
public record ScannedFile(String path, Path file, long size, long mtime) {
}
