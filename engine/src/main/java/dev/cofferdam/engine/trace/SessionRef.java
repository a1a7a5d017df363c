package dev.cofferdam.engine.trace;

/**
 * A transcript file found on disk.
 *
 * @param path    absolute path of the file
 * @param agent   the agent whose directory it was found in
 * @param size    bytes
 * @param mtime   last modification, epoch milliseconds
 */
public record SessionRef(String path, AgentKind agent, long size, long mtime) {
}
