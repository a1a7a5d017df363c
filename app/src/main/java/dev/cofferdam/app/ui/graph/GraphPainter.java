package dev.cofferdam.app.ui.graph;

import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Paints one frame of a graph: edges first, then nodes, then labels. */
final class GraphPainter {
    private static final double DIM = 0.15;

    private final GraphicsContext g;
    private final Viewport v;
    private final GraphPalette palette;
    private final Map<String, Double> radius;
    private final Highlight highlight;
    private final String hovered;

    GraphPainter(GraphicsContext g, Viewport v, GraphPalette palette, Map<String, Double> radius,
                 Highlight highlight, String hovered) {
        this.g = g;
        this.v = v;
        this.palette = palette;
        this.radius = radius;
        this.highlight = highlight;
        this.hovered = hovered;
    }

    void paint(LaidOutGraph graph) {
        Map<String, Point> pos = graph.positions();
        for (GraphEdge e : graph.data().edges()) {
            Point a = pos.get(e.from());
            Point b = pos.get(e.to());
            if (a != null && b != null && !e.from().equals(e.to())) {
                edge(e, a, b);
            }
        }
        g.setFont(Font.font(12));
        for (GraphNode n : graph.data().nodes()) {
            node(n, pos.get(n.id()));
        }
        for (GraphNode n : graph.data().nodes()) {
            label(n, pos.get(n.id()));
        }
        if (!highlight.isEmpty()) {
            legend();
        }
    }

    /** Explains the highlight colours in the bottom-right corner. */
    private void legend() {
        String[] names = {"selected", "uses it directly", "2 hops", "3 hops", "4+ hops"};
        double w = g.getCanvas().getWidth();
        double h = g.getCanvas().getHeight();
        double x = w - 130;
        double y = h - 18 * names.length - 12;
        g.setGlobalAlpha(0.85);
        g.setFill(palette.background());
        g.fillRoundRect(x - 10, y - 8, 136, 18 * names.length + 12, 8, 8);
        g.setGlobalAlpha(1);
        for (int i = 0; i < names.length; i++) {
            g.setFill(i == 0 ? GraphPalette.SEED : palette.distance(i));
            g.fillOval(x, y + i * 18 + 2, 10, 10);
            g.setFill(palette.label());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(names[i], x + 16, y + i * 18);
        }
    }

    private boolean lit(String id) {
        return highlight.isEmpty() || highlight.selected().contains(id) || highlight.distance().containsKey(id);
    }

    private void edge(GraphEdge e, Point a, Point b) {
        boolean on = lit(e.from()) && lit(e.to());
        Color c = e.cycle() ? palette.cycleEdge() : palette.edge();
        g.setGlobalAlpha(on ? 1 : DIM);
        g.setStroke(c);
        g.setLineWidth(Math.min(8, 0.8 + Math.log1p(e.weight())) * Math.min(1.5, Math.max(0.5, v.scale())));
        g.setLineDashes(e.cycle() ? new double[] {6, 4} : null);
        double x1 = v.toScreenX(a.x());
        double y1 = v.toScreenY(a.y());
        double x2 = v.toScreenX(b.x());
        double y2 = v.toScreenY(b.y());
        g.strokeLine(x1, y1, x2, y2);
        arrow(x1, y1, x2, y2, radius.getOrDefault(e.to(), 6.0) * v.scale(), c);
        g.setLineDashes(null);
        g.setGlobalAlpha(1);
    }

    private void arrow(double x1, double y1, double x2, double y2, double r, Color c) {
        double len = Math.hypot(x2 - x1, y2 - y1);
        if (len < r + 8) {
            return;
        }
        double ux = (x2 - x1) / len;
        double uy = (y2 - y1) / len;
        double tipX = x2 - ux * r;
        double tipY = y2 - uy * r;
        double size = 7;
        g.setFill(c);
        g.fillPolygon(
                new double[] {tipX, tipX - ux * size - uy * size * 0.5, tipX - ux * size + uy * size * 0.5},
                new double[] {tipY, tipY - uy * size + ux * size * 0.5, tipY - uy * size - ux * size * 0.5}, 3);
    }

    private void node(GraphNode n, Point p) {
        double r = Math.max(3, radius.getOrDefault(n.id(), 6.0) * v.scale());
        double x = v.toScreenX(p.x());
        double y = v.toScreenY(p.y());
        Integer d = highlight.distance().get(n.id());
        boolean selected = highlight.selected().contains(n.id());
        Color fill = palette.group(n.group());
        if (selected) {
            fill = GraphPalette.SEED;
        } else if (d != null) {
            fill = palette.distance(d);
        }
        g.setGlobalAlpha(lit(n.id()) ? 1 : DIM);
        g.setFill(n.kind() == GraphNode.NodeKind.AGGREGATE ? fill.desaturate().brighter() : fill);
        if (n.kind() == GraphNode.NodeKind.TEST) {
            g.fillRect(x - r, y - r, 2 * r, 2 * r);
        } else {
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
        g.setStroke(selected || n.id().equals(hovered) ? palette.selected() : fill.darker());
        g.setLineWidth(selected ? 3 : 1);
        if (n.kind() == GraphNode.NodeKind.AGGREGATE) {
            g.setLineDashes(3, 3);
        }
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setLineDashes(null);
        g.setGlobalAlpha(1);
    }

    private void label(GraphNode n, Point p) {
        double r = Math.max(3, radius.getOrDefault(n.id(), 6.0) * v.scale());
        boolean important = n.kind() == GraphNode.NodeKind.MODULE || n.kind() == GraphNode.NodeKind.AGGREGATE
                || highlight.selected().contains(n.id()) || n.id().equals(hovered);
        if (!important && v.scale() < 0.7 && r < 9) {
            return;
        }
        g.setGlobalAlpha(lit(n.id()) ? 1 : 0.35);
        GraphView.centredText(g, n.label(), v.toScreenX(p.x()), v.toScreenY(p.y()) + r + 2, palette.label());
        g.setGlobalAlpha(1);
    }
}
