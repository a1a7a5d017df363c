package dev.cofferdam.engine.context;

import java.util.ArrayList;
import java.util.List;

/**
 * A titled part of a Markdown pack: lines in their display order, each with a tier (0 = always
 * kept first, higher = cut first). {@code noun} names what a line is, for the "cut" note.
 * Not thread-safe while being built; treat as immutable afterwards.
 */
public final class Section {
    final String title;
    final String noun;
    final List<Line> lines = new ArrayList<>();

    public Section(String title, String noun) {
        this.title = title;
        this.noun = noun;
    }

    /** Adds a line; within a tier, earlier lines are kept before later ones. */
    public Section add(String text, int tier) {
        lines.add(new Line(text, tier, lines.size()));
        return this;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    record Line(String text, int tier, int rank) {
    }
}
