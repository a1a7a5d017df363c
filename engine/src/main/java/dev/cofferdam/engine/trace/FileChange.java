package dev.cofferdam.engine.trace;

/**
 * A file change attributed to a call and a turn of the session.
 *
 * @param path absolute path when resolvable
 * @param op   what happened
 * @param seq  the tool call that did it
 * @param turn the user prompt it answers (-1 before the first)
 * @param diff the diff when the record carries it, otherwise null
 */
public record FileChange(String path, FileOp op, int seq, int turn, String diff) {
}
