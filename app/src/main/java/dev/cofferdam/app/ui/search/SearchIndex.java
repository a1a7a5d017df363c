package dev.cofferdam.app.ui.search;

import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Suggests modules, files and types for typed text: names starting with the text first, then
 * names containing it, then targets (paths) containing it; shorter names first within a rank.
 * Immutable; thread-safe. O(entries) per query.
 */
public final class SearchIndex {
    private final List<SearchEntry> entries = new ArrayList<>();

    public SearchIndex(RepoMap map) {
        for (Module m : map.modules()) {
            entries.add(new SearchEntry(m.name(), SearchEntry.Kind.MODULE, m.id()));
        }
        for (SourceFile f : map.files()) {
            entries.add(new SearchEntry(f.path().substring(f.path().lastIndexOf('/') + 1), SearchEntry.Kind.FILE, f.path()));
        }
        for (JavaType t : map.types()) {
            entries.add(new SearchEntry(t.name().substring(t.name().lastIndexOf('.') + 1), SearchEntry.Kind.TYPE, t.name()));
        }
    }

    public List<SearchEntry> suggest(String text, int limit) {
        String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        record Ranked(SearchEntry entry, int rank) { }
        List<Ranked> hits = new ArrayList<>();
        for (SearchEntry e : entries) {
            String name = e.name().toLowerCase(Locale.ROOT);
            int rank = name.startsWith(q) ? 0 : name.contains(q) ? 1
                    : e.target().toLowerCase(Locale.ROOT).contains(q) ? 2 : -1;
            if (rank >= 0) {
                hits.add(new Ranked(e, rank));
            }
        }
        return hits.stream()
                .sorted(Comparator.comparingInt(Ranked::rank)
                        .thenComparingInt(r -> r.entry().name().length())
                        .thenComparing(r -> r.entry().kind())
                        .thenComparing(r -> r.entry().target()))
                .limit(limit).map(Ranked::entry).toList();
    }
}
