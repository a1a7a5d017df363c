package dev.cofferdam.engine.blast;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Close matches for a mistyped name: substring matches first, then small edit distances. Thread-safe. */
final class Suggestions {
    private Suggestions() {
    }

    static List<String> closest(String wanted, Collection<String> candidates, int limit) {
        String w = wanted.toLowerCase(Locale.ROOT);
        Map<String, Integer> cost = new TreeMap<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d;
            if (lc.equals(w)) {
                d = 0;
            } else if (lc.endsWith("/" + w) || lc.endsWith("." + w) || (w.length() >= 3 && lc.contains(w))) {
                d = 1 + (lc.length() - w.length()) / 20;
            } else {
                String name = lc.substring(lc.lastIndexOf('/') + 1);
                String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
                String simple = lc.contains("/") ? stem : lc.substring(lc.lastIndexOf('.') + 1);
                d = Math.min(distance(w, lc), Math.min(distance(w, name), Math.min(distance(w, stem),
                        distance(w, simple)))) + 2;
                if (d - 2 > Math.max(2, w.length() / 3)) {
                    continue;
                }
            }
            cost.merge(c, d, Math::min);
        }
        return cost.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
