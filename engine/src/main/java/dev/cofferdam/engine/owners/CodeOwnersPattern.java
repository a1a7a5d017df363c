package dev.cofferdam.engine.owners;

import java.util.regex.Pattern;

/**
 * One CODEOWNERS path pattern, with the gitignore-like rules GitHub and GitLab use:
 * <ul>
 * <li>a leading {@code /} or a {@code /} inside the pattern anchors it to the root; otherwise it
 *     matches at any depth ({@code *.js}, {@code apps/});</li>
 * <li>{@code *} and {@code ?} stay within one path segment, {@code **} spans segments;</li>
 * <li>a pattern that matches a directory matches every file below it; a trailing {@code /} makes
 *     it match directories only;</li>
 * <li>a final {@code /*} segment matches the files directly inside, not deeper ({@code docs/*}).</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class CodeOwnersPattern {
    private final String text;
    private final Pattern regex;
    private final boolean directoryOnly;
    private final boolean shallow;

    private CodeOwnersPattern(String text, Pattern regex, boolean directoryOnly, boolean shallow) {
        this.text = text;
        this.regex = regex;
        this.directoryOnly = directoryOnly;
        this.shallow = shallow;
    }

    /** Compiles one pattern as written in a CODEOWNERS file. */
    public static CodeOwnersPattern compile(String pattern) {
        String p = pattern;
        boolean anchored = p.startsWith("/");
        if (anchored) {
            p = p.substring(1);
        }
        boolean dirOnly = p.endsWith("/") && p.length() > 1;
        if (dirOnly) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.contains("/") && !p.startsWith("**/")) {
            anchored = true;
        }
        boolean shallow = p.equals("*") ? false : p.endsWith("/*");
        StringBuilder re = new StringBuilder();
        if (!anchored) {
            re.append("(?:.*/)?");
        }
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (p.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 3;
            } else if (p.startsWith("**", i)) {
                re.append(".*");
                i += 2;
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else if (c == '[') {
                int end = p.indexOf(']', i + 1);
                if (end < 0) {
                    re.append("\\[");
                    i++;
                } else {
                    String cls = p.substring(i + 1, end).replace("\\", "\\\\");
                    if (cls.startsWith("!")) {
                        cls = "^" + cls.substring(1);
                    }
                    re.append('[').append(cls).append(']');
                    i = end + 1;
                }
            } else if (c == '\\' && i + 1 < p.length()) {
                re.append(Pattern.quote(String.valueOf(p.charAt(i + 1))));
                i += 2;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return new CodeOwnersPattern(pattern, Pattern.compile(re.toString()), dirOnly, shallow);
    }

    /** @param path a file path relative to the root, {@code /} separators */
    public boolean matches(String path) {
        if (!directoryOnly && regex.matcher(path).matches()) {
            return true;
        }
        if (shallow) {
            return false;
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (regex.matcher(path.substring(0, slash)).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
