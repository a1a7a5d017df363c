package dev.cofferdam.engine.trace.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell script into words and operators, well enough to find the files a command touches:
 * quotes and escapes, redirections with file descriptors, here-documents (their bodies are
 * skipped). Not a full shell parser: expansions stay inside words. Stateless, thread-safe.
 */
final class ShellLexer {
    /** A word or an operator (";", "&&", "||", "|", "&", "\n", "(", ")", ">", ">>", "<"). */
    record Token(String text, boolean op) {
    }

    private ShellLexer() {
    }

    static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        List<String> heredocs = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                end = end < 0 ? n : end;
                word.append(s, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(s, i + 1, word);
                inWord = true;
            } else if (c == '\\' && i + 1 < n) {
                if (s.charAt(i + 1) != '\n') {
                    word.append(s.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                inWord = flush(out, word, inWord);
                i++;
            } else if (c == '#' && !inWord) {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\n') {
                inWord = flush(out, word, inWord);
                out.add(new Token("\n", true));
                i = skipHeredocs(s, i + 1, heredocs);
            } else if (c == '>' || c == '<') {
                i = redirect(s, i, word, inWord, out, heredocs);
                inWord = false;
            } else if (c == ';' || c == '|' || c == '&' || c == '(' || c == ')') {
                if (c == '&' && i + 1 < n && s.charAt(i + 1) == '>') {
                    inWord = flush(out, word, inWord);
                    i = redirect(s, i + 1, word, false, out, heredocs);
                    continue;
                }
                inWord = flush(out, word, inWord);
                boolean dbl = i + 1 < n && s.charAt(i + 1) == c && c != '(' && c != ')';
                out.add(new Token(dbl ? "" + c + c : String.valueOf(c), true));
                i += dbl ? 2 : 1;
            } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
                int end = matching(s, i + 1);
                word.append(s, i, end);
                inWord = true;
                i = end;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        flush(out, word, inWord);
        return out;
    }

    private static int doubleQuoted(String s, int i, StringBuilder word) {
        int n = s.length();
        while (i < n && s.charAt(i) != '"') {
            if (s.charAt(i) == '\\' && i + 1 < n) {
                word.append(s.charAt(i + 1));
                i += 2;
            } else {
                word.append(s.charAt(i++));
            }
        }
        return i + 1;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }

    private static boolean flush(List<Token> out, StringBuilder word, boolean inWord) {
        if (inWord) {
            out.add(new Token(word.toString(), false));
        }
        word.setLength(0);
        return false;
    }

    /** Handles {@code N>file}, {@code >>}, {@code >&N}, {@code <<EOF}, {@code <<<word}, {@code <file}. */
    private static int redirect(String s, int i, StringBuilder word, boolean inWord, List<Token> out,
                                List<String> heredocs) {
        boolean fdPrefix = inWord && word.toString().chars().allMatch(Character::isDigit);
        if (!fdPrefix) {
            flush(out, word, inWord);
        }
        word.setLength(0);
        char c = s.charAt(i);
        int n = s.length();
        int j = i + 1;
        if (c == '<') {
            if (j < n && s.charAt(j) == '<') {
                j++;
                if (j < n && s.charAt(j) == '<') {
                    out.add(new Token("<<<", true));
                    return j + 1;
                }
                if (j < n && s.charAt(j) == '-') {
                    j++;
                }
                return heredocStart(s, j, heredocs);
            }
            out.add(new Token("<", true));
            return j;
        }
        String op = ">";
        if (j < n && s.charAt(j) == '>') {
            op = ">>";
            j++;
        } else if (j < n && s.charAt(j) == '|') {
            j++;
        }
        if (j < n && s.charAt(j) == '&') {
            out.add(new Token(">&", true));
            return j + 1;
        }
        out.add(new Token(op, true));
        return j;
    }

    private static int heredocStart(String s, int j, List<String> heredocs) {
        int n = s.length();
        while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        StringBuilder delim = new StringBuilder();
        while (j < n && " \t\n;&|<>".indexOf(s.charAt(j)) < 0) {
            char c = s.charAt(j++);
            if (c != '\'' && c != '"' && c != '\\') {
                delim.append(c);
            }
        }
        heredocs.add(delim.toString());
        return j;
    }

    private static int skipHeredocs(String s, int i, List<String> heredocs) {
        int n = s.length();
        while (!heredocs.isEmpty() && i < n) {
            int eol = s.indexOf('\n', i);
            int end = eol < 0 ? n : eol;
            if (s.substring(i, end).trim().equals(heredocs.get(0))) {
                heredocs.remove(0);
            }
            i = end + 1;
        }
        heredocs.clear();
        return Math.min(i, n);
    }
}
