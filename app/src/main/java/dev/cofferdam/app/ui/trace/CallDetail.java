package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.ToolCall;
import java.util.List;

/**
 * What the detail pane shows for one call.
 *
 * @param call   the call
 * @param input  its arguments as pretty JSON, from the transcript ("" when not found)
 * @param result its result text, from the transcript (the parsed excerpt when not found)
 * @param diffs  the edits it made, with their diff text
 */
public record CallDetail(ToolCall call, String input, String result, List<FileEffect> diffs) {
    public CallDetail {
        diffs = List.copyOf(diffs);
    }
}
