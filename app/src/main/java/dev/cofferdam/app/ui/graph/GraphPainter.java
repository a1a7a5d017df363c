package dev.cofferdam.app.ui.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints one frame of a graph: edges first, then nodes, then labels. Shapes that share a style
 * are batched into one path (one stroke or fill call per style), which keeps software rendering
 * fast enough for a few hundred nodes; what lies outside the canvas is skipped.
 */
final class GraphPainter {
    private static final double DIM = 0.15;
    /** Up to this many selected nodes get a thick ring and a label whatever the zoom. */
    private static final int FEW = 12;

    private final GraphicsContext g;
    private final Viewport v;
    private final GraphPalette palette;
    private final Map<String, Double> radius;
    private final Highlight highlight;
    private final String hovered;
    private final double width;
    private final double height;

    GraphPainter(GraphicsContext g, Viewport v, GraphPalette palette, Map<String, Double> radius,
                 Highlight highlight, String hovered) {
        this.g = g;
        this.v = v;
        this.palette = palette;
        this.radius = radius;
        this.highlight = highlight;
        this.hovered = hovered;
        this.width = g.getCanvas().getWidth();
        this.height = g.getCanvas().getHeight();
    }

    /** One batch of edges drawn with the same pen. */
    private record EdgeStyle(boolean cycle, boolean lit, double width) { }

    private List<String> groups = List.of();

    void paint(LaidOutGraph graph) {
        groups = graph.data().groups();
        Map<String, Point> pos = graph.positions();
        Map<EdgeStyle, List<double[]>> edges = new LinkedHashMap<>();
        for (GraphEdge e : graph.data().edges()) {
            Point a = pos.get(e.from());
            Point b = pos.get(e.to());
            if (a == null || b == null || e.from().equals(e.to())) {
                continue;
            }
            double x1 = v.toScreenX(a.x());
            double y1 = v.toScreenY(a.y());
            double x2 = v.toScreenX(b.x());
            double y2 = v.toScreenY(b.y());
            if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > width || Math.max(y1, y2) < 0 || Math.min(y1, y2) > height) {
                continue;
            }
            double w = Math.round(Math.min(8, 0.8 + Math.log1p(e.weight())) * Math.min(1.5, Math.max(0.5, v.scale())) * 2) / 2.0;
            EdgeStyle style = new EdgeStyle(e.cycle(), lit(e.from()) && lit(e.to()), Math.max(0.5, w));
            edges.computeIfAbsent(style, k -> new ArrayList<>())
                    .add(new double[] {x1, y1, x2, y2, radius.getOrDefault(e.to(), 6.0) * v.scale()});
        }
        edges.forEach(this::edges);
        paintNodes(graph, pos);
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        List<GraphNode> byImportance = new ArrayList<>(graph.data().nodes());
        byImportance.sort(Comparator.comparingInt((GraphNode n) -> rank(n)).thenComparing(n -> -n.weight()));
        List<double[]> taken = new ArrayList<>();
        for (GraphNode n : byImportance) {
            label(n, pos.get(n.id()), taken);
        }
        if (!highlight.isEmpty()) {
            legend();
        }
    }

    private boolean lit(String id) {
        return highlight.isEmpty() || highlight.selected().contains(id) || highlight.distance().containsKey(id);
    }

    private void edges(EdgeStyle style, List<double[]> lines) {
        Color c = style.cycle() ? palette.cycleEdge() : palette.edge();
        g.setGlobalAlpha(style.lit() ? 1 : DIM);
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(style.width());
        g.setLineDashes(style.cycle() ? new double[] {6, 4} : null);
        g.beginPath();
        for (double[] l : lines) {
            g.moveTo(l[0], l[1]);
            g.lineTo(l[2], l[3]);
        }
        g.stroke();
        g.setLineDashes(null);
        g.beginPath();
        for (double[] l : lines) {
            arrow(l[0], l[1], l[2], l[3], l[4]);
        }
        g.fill();
        g.setGlobalAlpha(1);
    }

    private void arrow(double x1, double y1, double x2, double y2, double r) {
        double len = Math.hypot(x2 - x1, y2 - y1);
        if (len < r + 8) {
            return;
        }
        double ux = (x2 - x1) / len;
        double uy = (y2 - y1) / len;
        double tipX = x2 - ux * r;
        double tipY = y2 - uy * r;
        double size = 7;
        g.moveTo(tipX, tipY);
        g.lineTo(tipX - ux * size - uy * size * 0.5, tipY - uy * size + ux * size * 0.5);
        g.lineTo(tipX - ux * size + uy * size * 0.5, tipY - uy * size - ux * size * 0.5);
        g.closePath();
    }

    /** Nodes batched by fill colour and opacity; tests are squares, folded nodes dashed. */
    private void paintNodes(LaidOutGraph graph, Map<String, Point> pos) {
        record Style(Color fill, boolean lit) { }
        Map<Style, List<GraphNode>> batches = new LinkedHashMap<>();
        for (GraphNode n : graph.data().nodes()) {
            Point p = pos.get(n.id());
            double r = screenRadius(n);
            double x = v.toScreenX(p.x());
            double y = v.toScreenY(p.y());
            if (x + r < 0 || x - r > width || y + r < 0 || y - r > height) {
                continue;
            }
            batches.computeIfAbsent(new Style(fill(n), lit(n.id())), k -> new ArrayList<>()).add(n);
        }
        batches.forEach((style, nodes) -> {
            g.setGlobalAlpha(style.lit() ? 1 : DIM);
            g.setFill(style.fill());
            g.setStroke(style.fill().darker());
            g.setLineWidth(1);
            for (GraphNode n : nodes) {
                Point p = pos.get(n.id());
                double r = screenRadius(n);
                double x = v.toScreenX(p.x()) - r;
                double y = v.toScreenY(p.y()) - r;
                if (n.kind() == GraphNode.NodeKind.TEST) {
                    g.fillRect(x, y, 2 * r, 2 * r);
                    g.strokeRect(x, y, 2 * r, 2 * r);
                } else {
                    g.fillOval(x, y, 2 * r, 2 * r);
                    g.strokeOval(x, y, 2 * r, 2 * r);
                }
            }
        });
        g.setGlobalAlpha(1);
        for (GraphNode n : graph.data().nodes()) {
            boolean selected = highlight.selected().contains(n.id());
            if (selected || n.id().equals(hovered) || n.kind() == GraphNode.NodeKind.AGGREGATE) {
                g.setStroke(selected || n.id().equals(hovered) ? palette.selected() : fill(n).darker());
                g.setLineWidth(selected && highlight.selected().size() <= FEW ? 3 : 1.5);
                g.setLineDashes(n.kind() == GraphNode.NodeKind.AGGREGATE ? new double[] {3, 3} : null);
                g.beginPath();
                shape(n, pos.get(n.id()));
                g.stroke();
                g.setLineDashes(null);
            }
        }
    }

    private void shape(GraphNode n, Point p) {
        double r = screenRadius(n);
        double x = v.toScreenX(p.x());
        double y = v.toScreenY(p.y());
        if (n.kind() == GraphNode.NodeKind.TEST) {
            g.rect(x - r, y - r, 2 * r, 2 * r);
        } else {
            g.moveTo(x + r, y);
            g.arc(x, y, r, r, 0, 360);
            g.closePath();
        }
    }

    private double screenRadius(GraphNode n) {
        return Math.max(3, radius.getOrDefault(n.id(), 6.0) * v.scale());
    }

    private Color fill(GraphNode n) {
        Integer d = highlight.distance().get(n.id());
        Color fill = palette.group(n.group(), groups);
        if (highlight.selected().contains(n.id())) {
            fill = GraphPalette.SEED;
        } else if (d != null) {
            fill = palette.distance(d);
        }
        return n.kind() == GraphNode.NodeKind.AGGREGATE ? fill.desaturate().brighter() : fill;
    }

    /** 0: hovered, 1: a few selected, 2: modules and folded nodes, 3: the rest. */
    private int rank(GraphNode n) {
        if (n.id().equals(hovered)) {
            return 0;
        }
        if (highlight.selected().contains(n.id()) && highlight.selected().size() <= FEW) {
            return 1;
        }
        return n.kind() == GraphNode.NodeKind.MODULE || n.kind() == GraphNode.NodeKind.AGGREGATE ? 2 : 3;
    }

    /** Draws a label unless it would overlap one already drawn (more important labels go first). */
    private void label(GraphNode n, Point p, List<double[]> taken) {
        double r = screenRadius(n);
        double x = v.toScreenX(p.x());
        double y = v.toScreenY(p.y()) + r + 2;
        if (x < -100 || x > width + 100 || y < -20 || y > height) {
            return;
        }
        if (rank(n) == 3 && v.scale() < 0.7 && r < 9) {
            return;
        }
        double w = n.label().length() * 6.6 + 4;
        double[] box = {x - w / 2, y, x + w / 2, y + 15};
        if (rank(n) > 0) {
            for (double[] t : taken) {
                if (box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]) {
                    return;
                }
            }
        }
        taken.add(box);
        g.setGlobalAlpha(lit(n.id()) ? 1 : 0.35);
        g.setFill(palette.label());
        g.fillText(n.label(), x, y);
        g.setGlobalAlpha(1);
    }

    /** Explains the highlight colours in the bottom-right corner. */
    private void legend() {
        String[] names = {"selected", "uses it directly", "2 hops", "3 hops", "4+ hops"};
        double x = width - 130;
        double y = height - 18 * names.length - 12;
        g.setGlobalAlpha(0.85);
        g.setFill(palette.background());
        g.fillRoundRect(x - 10, y - 8, 136, 18 * names.length + 12, 8, 8);
        g.setGlobalAlpha(1);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < names.length; i++) {
            g.setFill(i == 0 ? GraphPalette.SEED : palette.distance(i));
            g.fillOval(x, y + i * 18 + 2, 10, 10);
            g.setFill(palette.label());
            g.fillText(names[i], x + 16, y + i * 18);
        }
    }
}
