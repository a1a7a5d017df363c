package dev.cofferdam.app.ui.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * Draws a laid-out graph on a JavaFX {@link Canvas} and reports clicks. It hides the drawing
 * technology from the rest of the app. Mouse: drag pans, wheel zooms, click selects, double-click
 * opens. FX thread only.
 */
public final class GraphView extends Region {
    private final Canvas canvas = new Canvas();
    private final Viewport viewport = new Viewport();
    private LaidOutGraph graph = LaidOutGraph.EMPTY;
    private Highlight highlight = Highlight.NONE;
    private GraphPalette palette = GraphPalette.of(false);
    private Map<String, Double> radius = Map.of();
    private Consumer<String> onSelect = id -> { };
    private Consumer<String> onOpen = id -> { };
    private String hovered;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private long frames;

    public GraphView() {
        getStyleClass().add("graph-view");
        getChildren().add(canvas);
        setFocusTraversable(true);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseMoved(e -> hover(nodeAt(e.getX(), e.getY())));
        canvas.setOnScroll(this::scrolled);
    }

    /** Shows a new graph and fits it to the window. */
    public void setGraph(LaidOutGraph graph) {
        this.graph = Objects.requireNonNull(graph);
        Map<String, Double> r = new HashMap<>();
        for (GraphNode node : graph.data().nodes()) {
            r.put(node.id(), 6 + Math.min(26, Math.sqrt(Math.max(1, node.weight())) * 0.9));
        }
        this.radius = r;
        this.hovered = null;
        fit();
    }

    public LaidOutGraph getGraph() {
        return graph;
    }

    public void setHighlight(Highlight highlight) {
        this.highlight = Objects.requireNonNull(highlight);
        redraw();
    }

    public void setDark(boolean dark) {
        this.palette = GraphPalette.of(dark);
        redraw();
    }

    public void setOnSelect(Consumer<String> handler) {
        this.onSelect = Objects.requireNonNull(handler);
    }

    public void setOnOpen(Consumer<String> handler) {
        this.onOpen = Objects.requireNonNull(handler);
    }

    /** Frames drawn since creation (for benchmarks). */
    public long frames() {
        return frames;
    }

    public void fit() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Map.Entry<String, Point> e : graph.positions().entrySet()) {
            double r = radius.getOrDefault(e.getKey(), 6.0);
            minX = Math.min(minX, e.getValue().x() - r);
            minY = Math.min(minY, e.getValue().y() - r);
            maxX = Math.max(maxX, e.getValue().x() + r);
            maxY = Math.max(maxY, e.getValue().y() + r);
        }
        if (minX <= maxX) {
            viewport.fit(minX, minY, maxX, maxY, width(), height(), 40);
        }
        redraw();
    }

    public void zoom(double factor) {
        viewport.zoomAt(factor, width() / 2, height() / 2);
        redraw();
    }

    public void pan(double dx, double dy) {
        viewport.pan(dx, dy);
        redraw();
    }

    /** The node drawn at a point of this view, or null. */
    public String nodeAt(double x, double y) {
        String best = null;
        double bestD = Double.MAX_VALUE;
        for (GraphNode node : graph.data().nodes()) {
            Point p = graph.positions().get(node.id());
            double dx = viewport.toScreenX(p.x()) - x;
            double dy = viewport.toScreenY(p.y()) - y;
            double d = Math.sqrt(dx * dx + dy * dy);
            double r = Math.max(6, radius.get(node.id()) * viewport.scale()) + 2;
            if (d <= r && d < bestD) {
                best = node.id();
                bestD = d;
            }
        }
        return best;
    }

    /** Where a node is drawn, in this view's coordinates; null when it is not in the graph. */
    public Point screenPosition(String id) {
        Point p = graph.positions().get(id);
        return p == null ? null : new Point(viewport.toScreenX(p.x()), viewport.toScreenY(p.y()));
    }

    @Override
    protected void layoutChildren() {
        boolean first = canvas.getWidth() == 0;
        if (canvas.getWidth() != width() || canvas.getHeight() != height()) {
            canvas.setWidth(width());
            canvas.setHeight(height());
            if (first) {
                fit();
            } else {
                redraw();
            }
        }
    }

    private double width() {
        return Math.max(1, getWidth());
    }

    private double height() {
        return Math.max(1, getHeight());
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        dragX = e.getX();
        dragY = e.getY();
        dragged = false;
    }

    private void dragged(MouseEvent e) {
        if (Math.abs(e.getX() - dragX) + Math.abs(e.getY() - dragY) > 2) {
            dragged = true;
        }
        viewport.pan(e.getX() - dragX, e.getY() - dragY);
        dragX = e.getX();
        dragY = e.getY();
        redraw();
    }

    private void released(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        String id = nodeAt(e.getX(), e.getY());
        if (e.getClickCount() == 2 && id != null) {
            onOpen.accept(id);
        } else {
            onSelect.accept(id);
        }
    }

    private void scrolled(ScrollEvent e) {
        viewport.zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
        redraw();
    }

    private void hover(String id) {
        if (!Objects.equals(id, hovered)) {
            hovered = id;
            redraw();
        }
    }

    private void redraw() {
        frames++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(palette.background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        new GraphPainter(g, viewport, palette, radius, highlight, hovered).paint(graph);
    }
}
