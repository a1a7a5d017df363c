package dev.cofferdam.engine.trace.detect;

import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.ToolCall;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Questions the detectors ask about one call. Stateless, thread-safe. */
final class CallTraits {
    private static final Set<String> READ_TOOLS = Set.of("read", "read_file", "notebookread", "view");
    private static final Set<String> SEARCH_TOOLS = Set.of("grep", "glob", "websearch", "web_search",
            "google_web_search", "search_file_content", "toolsearch");
    private static final Set<String> SHELL_TOOLS = Set.of("bash", "exec_command", "shell", "shell_command",
            "run_shell_command", "local_shell");
    private static final Pattern EMPTY = Pattern.compile(
            "(?i)^\\s*(no (files|matches|results)( were)? found|0 (matches|results|files)|found 0 ).*", Pattern.DOTALL);

    private CallTraits() {
    }

    static String tool(ToolCall c) {
        return c.tool().toLowerCase(Locale.ROOT);
    }

    /** A call that reads whole files: read tools, and read-only shell commands naming files. */
    static boolean isRead(ToolCall c) {
        if (READ_TOOLS.contains(tool(c))) {
            return !c.targets().isEmpty();
        }
        return SHELL_TOOLS.contains(tool(c)) && c.kind() == CallKind.EXPLORE && !c.targets().isEmpty();
    }

    static boolean isSearch(ToolCall c) {
        String t = tool(c);
        if (SEARCH_TOOLS.contains(t)) {
            return true;
        }
        if (SHELL_TOOLS.contains(t) && c.kind() == CallKind.EXPLORE && c.summary() != null) {
            String s = c.summary().stripLeading();
            return s.startsWith("grep ") || s.startsWith("rg ") || s.startsWith("find ") || s.startsWith("git grep");
        }
        return false;
    }

    static boolean emptyResult(ToolCall c) {
        return c.hasResult() && (c.resultSize() == 0 || c.excerpt() != null && EMPTY.matcher(c.excerpt()).matches());
    }

    /** (tool, all args, result): two calls with equal keys did exactly the same thing. */
    static String identity(ToolCall c) {
        return c.hasResult() ? c.tool() + "|" + c.argsHash() + "|" + c.resultHash() : null;
    }

    static boolean changesFiles(ToolCall c) {
        return !c.effects().isEmpty() && !c.error();
    }
}
