package dev.cofferdam.engine.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses cluster prefixes over package folders ({@code com/acme/billing}): start below the
 * common prefix, split the largest group one level deeper while there are fewer than a handful
 * of groups, and fold the smallest groups back into their parent when over budget. Stateless.
 */
final class PackageSplit {
    private PackageSplit() {
    }

    /** @return chosen prefixes; every key has at least one prefix (possibly "") that it starts with */
    static List<String> split(List<String> keys, int budget, int minGroups) {
        if (keys.isEmpty()) {
            return List.of("");
        }
        String common = commonPrefix(keys);
        Set<String> prefixes = new HashSet<>();
        prefixes.add(common);
        prefixes.addAll(children(keys, common));
        while (count(keys, prefixes) < minGroups) {
            String largest = largestSplittable(keys, prefixes);
            if (largest == null) {
                break;
            }
            Set<String> next = new HashSet<>(prefixes);
            next.addAll(children(keys, largest));
            if (count(keys, next) > budget || next.size() == prefixes.size()) {
                break;
            }
            prefixes = next;
        }
        if (count(keys, prefixes) > budget) {
            Map<String, Integer> sizes = sizes(keys, prefixes);
            List<String> bySize = new ArrayList<>(prefixes);
            bySize.remove(common);
            bySize.sort(java.util.Comparator.comparing((String p) -> sizes.getOrDefault(p, 0)).thenComparing(p -> p));
            int excess = count(keys, prefixes) - budget + 1;
            for (int i = 0; i < excess && i < bySize.size(); i++) {
                prefixes.remove(bySize.get(i));
            }
        }
        return new ArrayList<>(prefixes);
    }

    static String longestPrefix(List<String> prefixes, String key) {
        String best = "";
        for (String p : prefixes) {
            if (isUnder(key, p) && p.length() >= best.length()) {
                best = p;
            }
        }
        return best;
    }

    private static boolean isUnder(String key, String prefix) {
        return prefix.isEmpty() || key.equals(prefix) || key.startsWith(prefix) && key.charAt(prefix.length()) == '/';
    }

    private static Map<String, Integer> sizes(List<String> keys, Set<String> prefixes) {
        List<String> list = new ArrayList<>(prefixes);
        Map<String, Integer> sizes = new HashMap<>();
        for (String key : keys) {
            sizes.merge(longestPrefix(list, key), 1, Integer::sum);
        }
        return sizes;
    }

    private static int count(List<String> keys, Set<String> prefixes) {
        return sizes(keys, prefixes).size();
    }

    private static String largestSplittable(List<String> keys, Set<String> prefixes) {
        Map<String, Integer> sizes = sizes(keys, prefixes);
        String best = null;
        for (var e : sizes.entrySet()) {
            boolean deeper = !children(keys, e.getKey()).stream().allMatch(prefixes::contains);
            if (deeper && (best == null || e.getValue() > sizes.get(best))) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** @return the folders one level below {@code prefix} that hold keys */
    private static Set<String> children(List<String> keys, String prefix) {
        Set<String> result = new HashSet<>();
        for (String key : keys) {
            if (isUnder(key, prefix) && !key.equals(prefix)) {
                String rest = prefix.isEmpty() ? key : key.substring(prefix.length() + 1);
                int slash = rest.indexOf('/');
                String child = slash < 0 ? rest : rest.substring(0, slash);
                result.add(prefix.isEmpty() ? child : prefix + "/" + child);
            }
        }
        return result;
    }

    private static String commonPrefix(List<String> keys) {
        String[] first = keys.get(0).isEmpty() ? new String[0] : keys.get(0).split("/");
        int n = first.length;
        for (String key : keys) {
            String[] parts = key.isEmpty() ? new String[0] : key.split("/");
            int i = 0;
            while (i < n && i < parts.length && parts[i].equals(first[i])) {
                i++;
            }
            n = i;
        }
        return String.join("/", java.util.Arrays.copyOf(first, n));
    }
}
