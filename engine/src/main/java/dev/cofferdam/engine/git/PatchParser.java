package dev.cofferdam.engine.git;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the file names of a unified diff from its headers: {@code diff --git a/X b/Y},
 * {@code rename from/to}, {@code new/deleted file mode}, and plain {@code ---}/{@code +++} pairs.
 * Hunk bodies are skipped. Stateless and thread-safe.
 */
final class PatchParser {
    private static final String DEV_NULL = "/dev/null";
    private static final java.util.regex.Pattern HUNK =
            java.util.regex.Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    private PatchParser() {
    }

    static List<ChangedFile> parse(String text) {
        Map<String, ChangedFile> out = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        Header h = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("@@ ")) {
                i = skipHunk(lines, i);
            } else if (line.startsWith("diff --git ")) {
                flush(h, out);
                h = new Header();
                String[] ab = splitGitHeader(line.substring("diff --git ".length()));
                if (ab != null) {
                    h.oldPath = strip(ab[0]);
                    h.newPath = strip(ab[1]);
                }
            } else if (line.startsWith("--- ") && i + 1 < lines.length && lines[i + 1].startsWith("+++ ")) {
                if (h == null || h.sawHunkHeader) {
                    flush(h, out);
                    h = new Header();
                }
                h.oldPath = strip(pathOf(line.substring(4)));
                h.newPath = strip(pathOf(lines[i + 1].substring(4)));
                h.sawHunkHeader = true;
                i++;
            } else if (h != null && line.startsWith("rename from ")) {
                h.oldPath = GitQuoting.unquote(line.substring("rename from ".length()));
                h.renamed = true;
            } else if (h != null && line.startsWith("rename to ")) {
                h.newPath = GitQuoting.unquote(line.substring("rename to ".length()));
                h.renamed = true;
            } else if (h != null && line.startsWith("new file mode")) {
                h.added = true;
            } else if (h != null && line.startsWith("deleted file mode")) {
                h.deleted = true;
            }
        }
        flush(h, out);
        return List.copyOf(out.values());
    }

    /** @return the index of the last line of the hunk whose header is at {@code at} */
    private static int skipHunk(String[] lines, int at) {
        java.util.regex.Matcher m = HUNK.matcher(lines[at]);
        if (!m.find()) {
            return at;
        }
        int oldLeft = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int newLeft = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        int i = at;
        while ((oldLeft > 0 || newLeft > 0) && i + 1 < lines.length) {
            String l = lines[++i];
            char c = l.isEmpty() ? ' ' : l.charAt(0);
            if (c == '-') {
                oldLeft--;
            } else if (c == '+') {
                newLeft--;
            } else if (c != '\\') {
                oldLeft--;
                newLeft--;
            }
        }
        return i;
    }

    private static void flush(Header h, Map<String, ChangedFile> out) {
        if (h == null) {
            return;
        }
        boolean added = h.added || DEV_NULL.equals(h.oldPath);
        boolean deleted = h.deleted || DEV_NULL.equals(h.newPath);
        ChangedFile f;
        if (deleted && h.oldPath != null && !DEV_NULL.equals(h.oldPath)) {
            f = ChangedFile.of(h.oldPath, ChangeKind.DELETED);
        } else if (h.newPath == null || DEV_NULL.equals(h.newPath)) {
            return;
        } else if (added) {
            f = ChangedFile.of(h.newPath, ChangeKind.ADDED);
        } else if (h.renamed || (h.oldPath != null && !h.oldPath.equals(h.newPath))) {
            f = new ChangedFile(h.newPath, h.oldPath, ChangeKind.RENAMED);
        } else {
            f = ChangedFile.of(h.newPath, ChangeKind.MODIFIED);
        }
        out.put(f.path(), f);
    }

    /** Splits {@code a/X b/Y} (possibly quoted) into its two paths; null when it cannot tell. */
    private static String[] splitGitHeader(String s) {
        if (s.startsWith("\"")) {
            int end = closingQuote(s, 1);
            if (end < 0) {
                return null;
            }
            return new String[] {GitQuoting.unquote(s.substring(0, end + 1)), GitQuoting.unquote(s.substring(end + 1).strip())};
        }
        // Unquoted: the two halves are equal lengths apart from the a/ b/ prefix when not renamed.
        int mid = s.indexOf(" b/");
        if (mid < 0) {
            int sp = s.indexOf(' ');
            return sp < 0 ? null : new String[] {s.substring(0, sp), GitQuoting.unquote(s.substring(sp + 1))};
        }
        return new String[] {s.substring(0, mid), GitQuoting.unquote(s.substring(mid + 1))};
    }

    private static String pathOf(String header) {
        String p = header;
        if (p.startsWith("\"")) {
            int end = closingQuote(p, 1);
            return end < 0 ? p : GitQuoting.unquote(p.substring(0, end + 1));
        }
        int tab = p.indexOf('\t');
        return tab >= 0 ? p.substring(0, tab) : p.strip();
    }

    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }

    /** Removes git's {@code a/} / {@code b/} prefix. */
    private static String strip(String p) {
        if (p == null) {
            return null;
        }
        if (p.startsWith("a/") || p.startsWith("b/")) {
            return p.substring(2);
        }
        return p;
    }

    private static final class Header {
        String oldPath;
        String newPath;
        boolean added;
        boolean deleted;
        boolean renamed;
        boolean sawHunkHeader;
    }
}
