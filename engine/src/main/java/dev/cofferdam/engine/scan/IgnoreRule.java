package dev.cofferdam.engine.scan;

import java.util.regex.Pattern;

/**
 * One line of a {@code .gitignore} file, compiled. Supports the common subset of the syntax: globs
 * ({@code *}, {@code ?}, {@code [...]}), {@code **} across directories, negation with {@code !},
 * directory-only patterns ending in {@code /}, and anchoring by a leading or middle slash.
 * Immutable and thread-safe.
 */
record IgnoreRule(Pattern regex, boolean negated, boolean directoryOnly, boolean anchored) {

    /**
     * @return the rule, or null for blank lines and comments
     */
    static IgnoreRule parse(String rawLine) {
        String line = stripTrailingSpaces(rawLine);
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        boolean negated = false;
        if (line.startsWith("!")) {
            negated = true;
            line = line.substring(1);
        } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
            line = line.substring(1);
        }
        boolean dirOnly = line.endsWith("/");
        if (dirOnly) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            return null;
        }
        boolean anchored = line.indexOf('/') >= 0;
        if (line.startsWith("/")) {
            line = line.substring(1);
        }
        return new IgnoreRule(Pattern.compile(toRegex(line)), negated, dirOnly, anchored);
    }

    /**
     * @param relative path relative to the directory holding the .gitignore, '/' separators
     * @param name     last segment of the path
     */
    boolean matches(String relative, String name, boolean directory) {
        if (directoryOnly && !directory) {
            return false;
        }
        return anchored ? regex.matcher(relative).matches() : regex.matcher(name).matches();
    }

    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static String toRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < n && glob.charAt(i + 1) == '*') {
                boolean atStart = i == 0 || glob.charAt(i - 1) == '/';
                boolean slashAfter = i + 2 < n && glob.charAt(i + 2) == '/';
                if (atStart && slashAfter) {
                    sb.append("(?:.*/)?");
                    i += 2;
                } else {
                    sb.append(".*");
                    i++;
                }
            } else if (c == '*') {
                sb.append("[^/]*");
            } else if (c == '?') {
                sb.append("[^/]");
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 1);
                if (close < 0) {
                    sb.append("\\[");
                } else {
                    String body = glob.substring(i + 1, close);
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    sb.append('[').append(body.replace("\\", "\\\\")).append(']');
                    i = close;
                }
            } else if (c == '\\' && i + 1 < n) {
                sb.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
