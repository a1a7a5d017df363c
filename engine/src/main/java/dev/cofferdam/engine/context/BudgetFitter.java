package dev.cofferdam.engine.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fits sections into a token budget: lines are taken by tier (lowest first), then section order,
 * then their rank, while the rendered pack stays within the budget; a note at the end says what
 * was cut. The title is always kept. Stateless and thread-safe.
 */
public final class BudgetFitter {
    private BudgetFitter() {
    }

    /**
     * @param budget tokens at most (0 or less = no limit)
     */
    public static ContextPack fit(String title, List<Section> sections, int budget) {
        List<Entry> all = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            for (Section.Line l : sections.get(s).lines) {
                all.add(new Entry(s, l));
            }
        }
        all.sort(Comparator.comparingInt((Entry e) -> e.line.tier()).thenComparingInt(e -> e.section)
                .thenComparingInt(e -> e.line.rank()));
        Set<Entry> kept = new HashSet<>();
        if (budget <= 0) {
            kept.addAll(all);
        } else {
            Size size = new Size(title, sections);
            for (Entry e : all) {
                size.add(e);
                if (Tokens.ofChars(size.chars()) > budget) {
                    size.remove(e);
                } else {
                    kept.add(e);
                }
            }
        }
        String md = render(title, sections, kept);
        List<String> cut = cutNotes(sections, kept);
        return new ContextPack(md, Tokens.estimate(md), Math.max(0, budget), cut);
    }

    private static String render(String title, List<Section> sections, Set<Entry> kept) {
        StringBuilder sb = new StringBuilder("# ").append(title).append('\n');
        for (int s = 0; s < sections.size(); s++) {
            Section sec = sections.get(s);
            List<Section.Line> lines = new ArrayList<>();
            for (Section.Line l : sec.lines) {
                if (kept.contains(new Entry(s, l))) {
                    lines.add(l);
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            sb.append("\n## ").append(sec.title).append('\n');
            for (Section.Line l : lines) {
                sb.append(l.text()).append('\n');
            }
        }
        List<String> cut = cutNotes(sections, kept);
        if (!cut.isEmpty()) {
            sb.append("\n_Cut to fit the token budget: ").append(String.join(", ", cut)).append("._\n");
        }
        return sb.toString();
    }

    private static List<String> cutNotes(List<Section> sections, Set<Entry> kept) {
        List<String> notes = new ArrayList<>();
        for (int s = 0; s < sections.size(); s++) {
            int missing = 0;
            for (Section.Line l : sections.get(s).lines) {
                if (!kept.contains(new Entry(s, l))) {
                    missing++;
                }
            }
            if (missing > 0) {
                notes.add(missing + " " + sections.get(s).noun);
            }
        }
        return notes;
    }

    private record Entry(int section, Section.Line line) {
    }

    /**
     * The length {@link #render} would produce, kept up to date line by line, so fitting costs
     * O(lines × sections) instead of a render per line.
     */
    private static final class Size {
        private final List<Section> sections;
        private final int[] kept;
        private final int titleChars;
        private int lineChars;

        Size(String title, List<Section> sections) {
            this.sections = sections;
            this.kept = new int[sections.size()];
            this.titleChars = ("# " + title + "\n").length();
        }

        void add(Entry e) {
            kept[e.section]++;
            lineChars += e.line.text().length() + 1;
        }

        void remove(Entry e) {
            kept[e.section]--;
            lineChars -= e.line.text().length() + 1;
        }

        int chars() {
            int n = titleChars + lineChars;
            List<String> notes = new ArrayList<>();
            for (int s = 0; s < kept.length; s++) {
                Section sec = sections.get(s);
                if (kept[s] > 0) {
                    n += ("\n## " + sec.title + "\n").length();
                }
                int missing = sec.lines.size() - kept[s];
                if (missing > 0) {
                    notes.add(missing + " " + sec.noun);
                }
            }
            if (!notes.isEmpty()) {
                n += ("\n_Cut to fit the token budget: " + String.join(", ", notes) + "._\n").length();
            }
            return n;
        }
    }
}
