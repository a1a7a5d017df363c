package dev.cofferdam.engine.trace;

/**
 * One model request with its token usage, counted once however many transcript lines repeat it.
 *
 * @param index         0-based position in the session
 * @param time          timestamp, or null
 * @param key           message id + request id (Claude), cumulative total (Codex), message id (Gemini)
 * @param afterCall     seq of the last tool call issued before this request (0 when none)
 * @param inputTokens   uncached input tokens
 * @param cacheCreation input tokens written to the prompt cache
 * @param cacheRead     input tokens read from the prompt cache
 * @param outputTokens  output tokens
 * @param contextTokens what occupied the context window for this request
 *                      (input + cache creation + cache read for Claude; last input for Codex)
 * @param contextWindow the model's window when the transcript says so, otherwise 0
 */
public record ApiCall(
        int index,
        String time,
        String key,
        int afterCall,
        long inputTokens,
        long cacheCreation,
        long cacheRead,
        long outputTokens,
        long contextTokens,
        long contextWindow) {
}
