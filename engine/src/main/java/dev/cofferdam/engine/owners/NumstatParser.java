package dev.cofferdam.engine.owners;

import dev.cofferdam.engine.git.GitQuoting;
import java.util.HashMap;
import java.util.Map;

/**
 * Accumulates recency-weighted authorship from {@code git log --numstat -M} output, read newest
 * commit first. Renames are followed forward: lines written under an old name count for the file's
 * current name. A file nobody touched within the window gets its authors from the older commits
 * read (same decay), so that a dormant file still names who knows it. Not thread-safe (one
 * instance per parse).
 */
final class NumstatParser {
    static final char COMMIT = '\u001e';
    static final char FIELD = '\u001f';

    private final long referenceEpoch;
    private final long windowSeconds;
    private final double halfLifeDays;
    private final Map<String, String> renamedTo = new HashMap<>();
    private final Map<String, Map<String, Double>> scores = new HashMap<>();
    private final Map<String, Map<String, Double>> older = new HashMap<>();

    NumstatParser(long referenceEpoch, long windowDays, double halfLifeDays) {
        this.referenceEpoch = referenceEpoch;
        this.windowSeconds = windowDays * 86_400L;
        this.halfLifeDays = halfLifeDays;
    }

    /** Parses output of {@code --format=%x1e%aE%x1f%at --numstat}; paths as git prints them. */
    Map<String, Map<String, Double>> parse(String log) {
        for (String commit : log.split(String.valueOf(COMMIT))) {
            if (commit.isBlank()) {
                continue;
            }
            int nl = commit.indexOf('\n');
            String header = nl < 0 ? commit : commit.substring(0, nl);
            int sep = header.indexOf(FIELD);
            if (sep < 0) {
                continue;
            }
            String author = header.substring(0, sep).strip().toLowerCase(java.util.Locale.ROOT);
            long time;
            try {
                time = Long.parseLong(header.substring(sep + 1).strip());
            } catch (NumberFormatException e) {
                continue;
            }
            long age = Math.max(0, referenceEpoch - time);
            if (author.isEmpty() || nl < 0) {
                continue;
            }
            double weight = Math.pow(0.5, age / 86_400.0 / halfLifeDays);
            Map<String, Map<String, Double>> target = age > windowSeconds ? older : scores;
            for (String line : commit.substring(nl + 1).split("\n")) {
                addLine(line, author, weight, target);
            }
        }
        older.forEach(scores::putIfAbsent);
        return scores;
    }

    private void addLine(String line, String author, double weight, Map<String, Map<String, Double>> target) {
        String[] f = line.split("\t", 3);
        if (f.length < 3) {
            return;
        }
        long lines = count(f[0]) + count(f[1]);
        String[] paths = renameSides(f[2]);
        String current = resolve(paths[1]);
        if (paths[0] != null && !paths[0].equals(paths[1])) {
            renamedTo.put(paths[0], current);
        }
        target.computeIfAbsent(current, k -> new HashMap<>()).merge(author, Math.max(1, lines) * weight, Double::sum);
    }

    private String resolve(String path) {
        String p = path;
        for (int guard = 0; guard < 64 && renamedTo.containsKey(p); guard++) {
            p = renamedTo.get(p);
        }
        return p;
    }

    private static long count(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0; // binary file: "-"
        }
    }

    /**
     * {@code a/{old => new}/b} or {@code old => new} to {old, new}; a plain path to {null, path}.
     */
    static String[] renameSides(String spec) {
        String s = GitQuoting.unquote(spec);
        int arrow = s.indexOf(" => ");
        if (arrow < 0) {
            return new String[] {null, s};
        }
        int open = s.lastIndexOf('{', arrow);
        int close = s.indexOf('}', arrow);
        if (open >= 0 && close > arrow) {
            String pre = s.substring(0, open);
            String post = s.substring(close + 1);
            String oldMid = s.substring(open + 1, arrow);
            String newMid = s.substring(arrow + 4, close);
            return new String[] {clean(pre + oldMid + post), clean(pre + newMid + post)};
        }
        return new String[] {s.substring(0, arrow), s.substring(arrow + 4)};
    }

    private static String clean(String p) {
        String s = p.replace("//", "/");
        return s.startsWith("/") ? s.substring(1) : s;
    }
}
