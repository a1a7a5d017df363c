package dev.cofferdam.engine.trace.report;

/**
 * One point of the context curve.
 *
 * @param request   0-based model request
 * @param afterCall seq of the last call before it (0 when none)
 * @param tokens    context tokens of that request
 */
public record ContextPoint(int request, int afterCall, long tokens) {
}
