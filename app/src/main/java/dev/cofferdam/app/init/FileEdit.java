package dev.cofferdam.app.init;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A planned change to one file. Immutable.
 *
 * @param file   the file
 * @param before its content now, or null when it does not exist
 * @param after  its content after the change
 * @param what   one line saying what changes, e.g. "add server cofferdam"
 */
public record FileEdit(Path file, String before, String after, String what) {
    public boolean changes() {
        return !after.equals(before);
    }

    /** A short diff-like summary: lines that go ({@code -}) and lines that come ({@code +}), at most {@code max}. */
    public List<String> summary(int max) {
        List<String> out = new ArrayList<>();
        List<String> old = before == null ? List.of() : before.lines().toList();
        List<String> neu = after.lines().toList();
        Set<String> oldSet = new HashSet<>(old);
        Set<String> newSet = new HashSet<>(neu);
        old.stream().filter(l -> !newSet.contains(l) && !l.isBlank()).forEach(l -> out.add("- " + l));
        neu.stream().filter(l -> !oldSet.contains(l) && !l.isBlank()).forEach(l -> out.add("+ " + l));
        if (out.size() > max) {
            int more = out.size() - max;
            out.subList(max, out.size()).clear();
            out.add("  … " + more + " more lines");
        }
        return out;
    }
}
