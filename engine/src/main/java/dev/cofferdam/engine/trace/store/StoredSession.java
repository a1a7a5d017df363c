package dev.cofferdam.engine.trace.store;

/**
 * A session row of the trace store, without its body.
 *
 * @param path      the transcript file
 * @param size      its size when stored
 * @param mtime     its modification time when stored (epoch ms)
 * @param agent     agent label ("claude-code")
 * @param sessionId the agent's session id
 * @param calls     number of tool calls
 * @param storedAt  when stored (epoch ms)
 */
public record StoredSession(String path, long size, long mtime, String agent, String sessionId, int calls,
                            long storedAt) {
}
