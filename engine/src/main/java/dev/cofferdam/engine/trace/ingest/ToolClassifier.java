package dev.cofferdam.engine.trace.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.FileOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies a tool call of Claude Code, Codex or Gemini CLI from its name and arguments.
 * Stateless, thread-safe.
 */
public final class ToolClassifier {
    private static final Set<String> READ = Set.of("read", "notebookread", "read_file", "read_many_files",
            "view_image", "view");
    private static final Set<String> SEARCH = Set.of("glob", "grep", "ls", "list_directory", "search_file_content",
            "websearch", "webfetch", "web_search", "google_web_search", "web_fetch", "toolsearch", "lsp");
    private static final Set<String> EDIT = Set.of("write", "edit", "multiedit", "notebookedit", "write_file",
            "replace", "apply_patch", "edit_file", "str_replace_based_edit_tool");
    private static final Set<String> SHELL = Set.of("bash", "exec_command", "shell", "shell_command",
            "run_shell_command", "local_shell", "container.exec");
    private static final Set<String> DELEGATE = Set.of("task", "agent", "spawn_agent", "delegate");
    private static final int SUMMARY_MAX = 160;
    private static final int DIFF_MAX = 64 << 10;

    private ToolClassifier() {
    }

    /**
     * @param tool  tool name as written
     * @param input the arguments (an object, or a text node for free-form tools)
     * @param cwd   the session's working directory, or null
     */
    public static CallSpec classify(String tool, JsonNode input, String cwd) {
        String t = tool.toLowerCase(Locale.ROOT);
        String path = firstText(input, "file_path", "absolute_path", "notebook_path", "path");
        String abs = PathResolver.resolve(path, cwd);
        if (SHELL.contains(t)) {
            return shell(input, cwd);
        }
        if (t.equals("apply_patch")) {
            String patch = input.isTextual() ? input.asText() : firstText(input, "input", "patch");
            List<FileEffect> fx = PatchParser.parse(patch == null ? "" : patch, cwd);
            return new CallSpec(CallKind.EDIT, paths(fx), summaryOf(paths(fx)), fx);
        }
        if (EDIT.contains(t)) {
            return new CallSpec(CallKind.EDIT, abs == null ? List.of() : List.of(abs), path, editEffects(t, input, abs));
        }
        if (READ.contains(t)) {
            List<String> targets = new ArrayList<>();
            if (abs != null) {
                targets.add(abs);
            }
            JsonNode many = input.get("paths");
            if (many != null && many.isArray()) {
                many.forEach(p -> targets.add(PathResolver.resolve(p.asText(), cwd)));
            }
            return new CallSpec(CallKind.EXPLORE, targets, path != null ? path : summaryOf(targets), List.of());
        }
        if (SEARCH.contains(t)) {
            String q = firstText(input, "pattern", "query", "url", "prompt", "path");
            String where = abs != null && !abs.equals(q) ? " in " + abs : "";
            return new CallSpec(CallKind.EXPLORE, q == null ? List.of() : List.of(q + where), clip(q + where), List.of());
        }
        if (DELEGATE.contains(t)) {
            return new CallSpec(CallKind.DELEGATE, List.of(), clip(firstText(input, "description", "prompt")), List.of());
        }
        return new CallSpec(CallKind.OTHER, abs == null ? List.of() : List.of(abs), clip(path), List.of());
    }

    private static CallSpec shell(JsonNode input, String cwd) {
        String cmd = commandText(input);
        String dir = firstText(input, "workdir", "directory", "cwd", "working_directory");
        String runDir = dir == null ? cwd : PathResolver.resolve(dir, cwd);
        int patch = cmd.indexOf("*** Begin Patch");
        if (patch >= 0 && cmd.stripLeading().startsWith("apply_patch")) {
            // older Codex ran apply_patch through its shell tool
            List<FileEffect> fx = PatchParser.parse(cmd.substring(patch), runDir);
            return new CallSpec(CallKind.EDIT, paths(fx), summaryOf(paths(fx)), fx);
        }
        ShellAnalysis a = ShellCommandParser.analyze(cmd, runDir);
        List<String> targets = new ArrayList<>(paths(a.effects()));
        targets.addAll(a.reads());
        return new CallSpec(a.kind(), targets, clip(cmd), a.effects());
    }

    /** @return the command of a shell tool call: a string, or an argv array (a {@code bash -lc X} argv gives X) */
    static String commandText(JsonNode input) {
        JsonNode c = input.get("command");
        if (c == null) {
            c = input.get("cmd");
        }
        if (c == null) {
            return input.isTextual() ? input.asText() : "";
        }
        if (c.isArray()) {
            List<String> argv = new ArrayList<>();
            c.forEach(a -> argv.add(a.asText()));
            if (argv.size() == 3 && argv.get(1).startsWith("-") && argv.get(1).endsWith("c")) {
                return argv.get(2);
            }
            return String.join(" ", argv.stream().map(ToolClassifier::quoteIfNeeded).toList());
        }
        return c.asText();
    }

    private static String quoteIfNeeded(String a) {
        return a.isEmpty() || a.matches(".*[\\s'\"$;&|<>].*") ? "'" + a.replace("'", "'\\''") + "'" : a;
    }

    private static List<FileEffect> editEffects(String t, JsonNode input, String abs) {
        if (abs == null) {
            return List.of();
        }
        String content = firstText(input, "content");
        if (t.equals("write") || t.equals("write_file")) {
            return List.of(new FileEffect(abs, FileOp.MODIFY, addedLines(content), null, Json.hash(content)));
        }
        String before = firstText(input, "old_string", "old_str");
        String after = firstText(input, "new_string", "new_str");
        return List.of(new FileEffect(abs, FileOp.MODIFY, null, Json.hash(before), Json.hash(after)));
    }

    /** The whole new content as added lines, when it is small enough to keep. */
    private static String addedLines(String content) {
        if (content == null || content.length() > DIFF_MAX) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        content.lines().forEach(l -> sb.append('+').append(l).append('\n'));
        return sb.toString();
    }

    private static List<String> paths(List<FileEffect> fx) {
        return fx.stream().map(FileEffect::path).distinct().toList();
    }

    private static String summaryOf(List<String> items) {
        return items.isEmpty() ? null : clip(String.join(", ", items));
    }

    static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = Json.text(node, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static String clip(String s) {
        if (s == null) {
            return null;
        }
        String line = s.strip();
        int nl = line.indexOf('\n');
        if (nl >= 0) {
            line = line.substring(0, nl) + " …";
        }
        return line.length() > SUMMARY_MAX ? line.substring(0, SUMMARY_MAX) + "…" : line;
    }
}
