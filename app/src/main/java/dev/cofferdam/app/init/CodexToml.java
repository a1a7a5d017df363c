package dev.cofferdam.app.init;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Codex's {@code config.toml}: writes the {@code [mcp_servers.cofferdam]} table (command, args) and
 * keeps every other byte of the file, including the table's sub-tables such as
 * {@code [mcp_servers.cofferdam.env]}. Stateless and thread-safe.
 */
public final class CodexToml {
    private static final Pattern HEADER = Pattern.compile(
            "^\\s*\\[\\s*mcp_servers\\s*\\.\\s*(cofferdam|\"cofferdam\")\\s*\\]\\s*(#.*)?$");
    private static final Pattern DOTTED = Pattern.compile(
            "^mcp_servers\\s*(\\.\\s*\"?cofferdam\"?\\s*[.=]|=.*\\bcofferdam\\b)");
    private static final Pattern IN_SERVERS = Pattern.compile("^\"?cofferdam\"?\\s*[.=]");
    private static final Pattern ANY_HEADER = Pattern.compile("^\\s*\\[.*$");

    private CodexToml() {
    }

    /** {@code ~/.codex/config.toml}; the folder is {@code -Dcofferdam.codex.home}, else {@code $CODEX_HOME}, else {@code ~/.codex}. */
    public static Path defaultFile() {
        String p = System.getProperty("cofferdam.codex.home");
        if (p == null || p.isBlank()) {
            p = System.getenv("CODEX_HOME");
        }
        Path dir = p == null || p.isBlank() ? Path.of(System.getProperty("user.home"), ".codex") : Path.of(p);
        return dir.resolve("config.toml");
    }

    /**
     * @param before the file's content, or null when there is none
     * @throws InitException when the file defines the server some other way (dotted keys, an inline table)
     */
    public static FileEdit plan(Path file, String before, String command, List<String> args) throws InitException {
        String table = "[mcp_servers.cofferdam]\ncommand = " + quote(command) + "\nargs = ["
                + args.stream().map(CodexToml::quote).collect(Collectors.joining(", ")) + "]\n";
        String text = before == null ? "" : before;
        List<String> lines = text.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (HEADER.matcher(lines.get(i)).matches()) {
                start = i;
                break;
            }
        }
        String after;
        if (start < 0 && definedElsewhere(lines)) {
            throw new InitException(file + " defines mcp_servers.cofferdam without a [mcp_servers.cofferdam] table: "
                    + "remove that definition, then rerun");
        }
        if (start < 0) {
            String sep = text.isEmpty() ? "" : text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
            after = text + sep + table;
        } else {
            int end = start + 1;
            while (end < lines.size() && !ANY_HEADER.matcher(lines.get(end)).matches()) {
                end++;
            }
            int from = offsetOfLine(text, start);
            int to = offsetOfLine(text, end);
            // keep the blank lines and comments that close the old table before the next header
            String tail = text.substring(from, to);
            String trailing = tail.substring(tail.stripTrailing().length());
            String sep = end < lines.size() && !trailing.contains("\n\n") ? "\n" : "";
            after = text.substring(0, from) + table + sep + blankTail(trailing) + text.substring(to);
        }
        boolean same = after.equals(text);
        return new FileEdit(file, before, same && before != null ? before : after,
                same ? "server cofferdam already set" : (start < 0 ? "add" : "update") + " table [mcp_servers.cofferdam]");
    }

    /** A {@code cofferdam} server given as dotted keys or an inline table, which a new table would duplicate. */
    private static boolean definedElsewhere(List<String> lines) {
        String table = "";
        for (String l : lines) {
            String t = l.strip();
            if (t.startsWith("[")) {
                table = t.replaceAll("\\s", "");
            } else if (table.isEmpty() && DOTTED.matcher(t).find()
                    || table.equals("[mcp_servers]") && IN_SERVERS.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }

    private static String blankTail(String trailing) {
        // the table's own final newline is part of `table`; keep only the extra blank lines
        int first = trailing.indexOf('\n');
        return first < 0 ? "" : trailing.substring(first + 1);
    }

    private static int offsetOfLine(String text, int line) {
        int off = 0;
        for (int i = 0; i < line; i++) {
            int nl = text.indexOf('\n', off);
            if (nl < 0) {
                return text.length();
            }
            off = nl + 1;
        }
        return off;
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
