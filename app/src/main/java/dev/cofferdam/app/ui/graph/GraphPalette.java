package dev.cofferdam.app.ui.graph;

import java.util.List;
import javafx.scene.paint.Color;

/** Colours of the graph for one theme: groups by a stable hash, distances from warm to pale. */
record GraphPalette(Color background, Color edge, Color cycleEdge, Color label, Color selected, Color[] groups,
                    Color[] distance) {
    static final Color SEED = Color.web("#9b2c8f");

    static GraphPalette of(boolean dark) {
        Color[] groups = {
            Color.web("#4e79a7"), Color.web("#59a14f"), Color.web("#9c755f"), Color.web("#b07aa1"),
            Color.web("#76b7b2"), Color.web("#edc948"), Color.web("#ff9da7"), Color.web("#bab0ac"),
            Color.web("#8cd17d"), Color.web("#a0cbe8"),
        };
        Color[] distance = {Color.web("#e4572e"), Color.web("#f29e4c"), Color.web("#f1c453"), Color.web("#d8e2a6")};
        if (dark) {
            return new GraphPalette(Color.web("#1e2127"), Color.web("#8a93a3", 0.55), Color.web("#ff5c5c"),
                    Color.web("#dfe3ea"), Color.web("#ffffff"), groups, distance);
        }
        return new GraphPalette(Color.web("#fbfbfc"), Color.web("#6b7280", 0.5), Color.web("#c0392b"),
                Color.web("#1f2933"), Color.web("#111111"), groups, distance);
    }

    Color group(String group, List<String> order) {
        int i = order.indexOf(group);
        return groups[Math.floorMod(i >= 0 ? i : group.hashCode(), groups.length)];
    }

    Color distance(int d) {
        return distance[Math.max(0, Math.min(distance.length - 1, d - 1))];
    }
}
