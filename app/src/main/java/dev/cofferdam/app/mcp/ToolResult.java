package dev.cofferdam.app.mcp;

/**
 * The text a tool returns.
 *
 * @param text    the answer (Markdown or JSON) or, for an error, a one-line reason
 * @param isError whether the tool failed on its input (unknown seed, bad range, ...)
 */
public record ToolResult(String text, boolean isError) {
    public static ToolResult ok(String text) {
        return new ToolResult(text, false);
    }

    public static ToolResult error(String message) {
        return new ToolResult(message, true);
    }
}
