package dev.cofferdam.engine.index;

import dev.cofferdam.engine.lang.FileFacts;

/**
 * A file's facts as stored in the index, with what identifies the content they were taken from.
 *
 * @param size  bytes
 * @param mtime milliseconds since the epoch
 * @param hash  CRC32C and Adler-32 of the content (empty when the file was not read, e.g. over the size limit)
 */
public record CachedFile(long size, long mtime, byte[] hash, FileFacts facts) {
}
