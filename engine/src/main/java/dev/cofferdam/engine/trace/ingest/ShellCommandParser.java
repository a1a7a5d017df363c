package dev.cofferdam.engine.trace.ingest;

import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.FileOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the file mutations hidden in a shell command: {@code rm}, {@code mv}, {@code cp},
 * {@code sed -i}, {@code tee}, {@code git rm/mv}, {@code touch}, {@code unlink} and output
 * redirections; follows {@code cd} and {@code bash -c}. Stateless, thread-safe.
 */
public final class ShellCommandParser {
    private static final Set<String> PREFIXES = Set.of("sudo", "time", "nohup", "command", "exec", "env", "nice");
    private static final Set<String> READERS = Set.of("cat", "head", "tail", "less", "more", "wc", "nl", "bat");
    private static final Set<String> EXPLORERS = Set.of("cat", "ls", "grep", "rg", "find", "head", "tail", "wc",
            "sed", "awk", "tree", "pwd", "file", "stat", "less", "more", "nl", "du", "which", "fd", "bat", "echo",
            "diff", "jq", "sort", "uniq", "cut", "realpath", "readlink", "type", "egrep", "fgrep", "ag");
    private static final Set<String> GIT_READ = Set.of("status", "log", "diff", "show", "blame", "grep",
            "ls-files", "branch", "rev-parse", "remote");

    private ShellCommandParser() {
    }

    /**
     * @param script the command as the agent ran it
     * @param cwd    the directory it ran in, or null (relative paths then stay relative)
     * @return its file effects, reads and kind
     */
    public static ShellAnalysis analyze(String script, String cwd) {
        Acc acc = new Acc(cwd);
        run(script, acc, 0);
        CallKind kind = !acc.effects.isEmpty() ? CallKind.MUTATE_SHELL
                : acc.verify ? CallKind.VERIFY
                : acc.commands > 0 && acc.allExplore ? CallKind.EXPLORE : CallKind.OTHER;
        return new ShellAnalysis(acc.effects, acc.reads, kind);
    }

    private static final class Acc {
        String cwd;
        final List<FileEffect> effects = new ArrayList<>();
        final List<String> reads = new ArrayList<>();
        boolean verify;
        boolean allExplore = true;
        int commands;

        Acc(String cwd) {
            this.cwd = cwd;
        }
    }

    private static void run(String script, Acc acc, int depth) {
        List<ShellLexer.Token> tokens = ShellLexer.lex(script);
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i <= tokens.size()) {
            ShellLexer.Token t = i < tokens.size() ? tokens.get(i) : null;
            if (t == null || t.op() && !t.text().startsWith(">") && !t.text().startsWith("<")) {
                command(words, acc, depth);
                words = new ArrayList<>();
                i++;
                continue;
            }
            if (t.op()) {
                String target = i + 1 < tokens.size() && !tokens.get(i + 1).op() ? tokens.get(i + 1).text() : null;
                if (target != null) {
                    i++;
                    if (t.text().equals(">") || t.text().equals(">>")) {
                        redirectTarget(target, acc);
                    }
                }
                i++;
                continue;
            }
            words.add(t.text());
            i++;
        }
    }

    private static void redirectTarget(String target, Acc acc) {
        if (!target.startsWith("/dev/") && !target.isEmpty()) {
            acc.effects.add(FileEffect.of(PathResolver.resolve(target, acc.cwd), FileOp.MODIFY));
        }
    }

    private static void command(List<String> words, Acc acc, int depth) {
        int k = 0;
        while (k < words.size() && (PREFIXES.contains(words.get(k)) || isAssignment(words.get(k)))) {
            k++;
        }
        if (k >= words.size()) {
            return;
        }
        List<String> w = words.subList(k, words.size());
        String name = baseName(w.get(0));
        acc.commands++;
        if ((name.equals("bash") || name.equals("sh") || name.equals("zsh")) && depth < 3) {
            for (int j = 1; j + 1 < w.size(); j++) {
                if (w.get(j).startsWith("-") && w.get(j).contains("c")) {
                    acc.commands--;
                    run(w.get(j + 1), acc, depth + 1);
                    return;
                }
            }
        }
        if (name.equals("cd")) {
            acc.commands--;
            if (w.size() > 1) {
                acc.cwd = PathResolver.resolve(w.get(1), acc.cwd);
            }
            return;
        }
        if (VerifyCommands.isVerify(w)) {
            acc.verify = true;
        }
        boolean explore = EXPLORERS.contains(name) && !(name.equals("sed") && inPlace(w))
                || name.equals("git") && w.size() > 1 && GIT_READ.contains(gitSub(w));
        acc.allExplore &= explore;
        Mutations.apply(name, w, acc.cwd, acc.effects);
        if (READERS.contains(name) || name.equals("sed") && !inPlace(w)) {
            for (String a : operands(w, name.equals("sed"))) {
                acc.reads.add(PathResolver.resolve(a, acc.cwd));
            }
        }
    }

    static String gitSub(List<String> w) {
        int j = 1;
        while (j < w.size() && (w.get(j).equals("-C") || w.get(j).equals("-c"))) {
            j += 2;
        }
        return j < w.size() ? w.get(j) : "";
    }

    static boolean inPlace(List<String> w) {
        for (String a : w.subList(1, w.size())) {
            if (a.startsWith("--in-place") || a.startsWith("-") && !a.startsWith("--") && a.contains("i")
                    && !a.equals("-e") && !a.equals("-f")) {
                return true;
            }
        }
        return false;
    }

    /** Non-option arguments; for sed the first one (the script) is dropped unless -e/-f gave it. */
    static List<String> operands(List<String> w, boolean sedScript) {
        List<String> out = new ArrayList<>();
        boolean scriptGiven = false;
        boolean endOfOptions = false;
        for (int j = 1; j < w.size(); j++) {
            String a = w.get(j);
            if (!endOfOptions && a.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && a.startsWith("-") && a.length() > 1) {
                if (sedScript && (a.equals("-e") || a.equals("-f") || a.equals("--expression"))) {
                    scriptGiven = true;
                    j++;
                } else if (a.equals("-n") && j + 1 < w.size() && w.get(j + 1).matches("\\d+")) {
                    j++;
                }
            } else {
                out.add(a);
            }
        }
        if (sedScript && !scriptGiven && !out.isEmpty()) {
            out.remove(0);
        }
        return out;
    }

    private static boolean isAssignment(String word) {
        int eq = word.indexOf('=');
        return eq > 0 && word.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    static String baseName(String cmd) {
        int slash = cmd.lastIndexOf('/');
        return slash >= 0 && !cmd.startsWith("./") ? cmd.substring(slash + 1) : cmd;
    }
}
