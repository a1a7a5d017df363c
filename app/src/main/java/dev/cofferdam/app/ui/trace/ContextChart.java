package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.Compaction;
import dev.cofferdam.engine.trace.report.ContextPoint;
import dev.cofferdam.engine.trace.report.TraceReport;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The context-occupancy curve against the compaction threshold: one point per model request at
 * the call it followed, amber and red threshold lines, compactions as dashed verticals. Drawn on a
 * canvas that follows the pane's size. FX thread only.
 */
final class ContextChart extends Pane {
    private static final Color AMBER = Color.web("#d98e04");
    private static final Color RED = Color.web("#c62828");
    private static final Color CURVE = Color.web("#1e88e5");
    private final Canvas canvas = new Canvas();
    private TraceReport report;
    private List<Compaction> compactions = List.of();
    private int calls;

    ContextChart() {
        setId("trace-context");
        getStyleClass().add("trace-context");
        setMinHeight(120);
        setPrefHeight(160);
        getChildren().add(canvas);
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
    }

    void show(TraceReport report, List<Compaction> compactions, int calls) {
        this.report = report;
        this.compactions = compactions;
        this.calls = calls;
        draw();
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFont(Font.font(10));
        if (report == null || w < 40 || h < 40) {
            return;
        }
        double left = 44;
        double top = 16;
        double pw = w - left - 8;
        double ph = h - top - 16;
        long limit = Math.max(1, report.contextLimit());
        long max = Math.max(limit, report.context().stream().mapToLong(ContextPoint::tokens).max().orElse(0));
        int xMax = Math.max(1, calls);
        g.setStroke(Color.GRAY);
        g.setLineWidth(1);
        g.setLineDashes();
        g.strokeRect(left, top, pw, ph);
        line(g, report.thresholds().contextAmber(), limit, max, left, top, pw, ph, AMBER, "amber");
        line(g, report.thresholds().contextRed(), limit, max, left, top, pw, ph, RED, "red");
        line(g, 1.0, limit, max, left, top, pw, ph, Color.GRAY, "auto-compaction at " + limit / 1000 + "K tokens");
        g.setStroke(Color.GRAY);
        g.setLineDashes(4, 3);
        for (Compaction c : compactions) {
            double x = left + pw * c.afterCall() / xMax;
            g.strokeLine(x, top, x, top + ph);
            g.setFill(Color.GRAY);
            g.fillText("compaction", x + 2, top + 10);
        }
        g.setLineDashes();
        g.setStroke(CURVE);
        g.setLineWidth(2);
        double px = -1;
        double py = -1;
        for (ContextPoint p : report.context()) {
            double x = left + pw * p.afterCall() / xMax;
            double y = top + ph - ph * p.tokens() / max;
            if (px >= 0) {
                g.strokeLine(px, py, x, y);
            }
            g.setFill(CURVE);
            g.fillOval(x - 2, y - 2, 4, 4);
            px = x;
            py = y;
        }
        g.setFill(Color.GRAY);
        g.fillText(max / 1000 + "K", 4, top + 10);
        g.setFill(CURVE);
        g.fillText("context tokens per request", left + pw - 150, top - 4);
        g.setFill(Color.GRAY);
        g.fillText("0", 4, top + ph);
        g.fillText("call 0", left, h - 4);
        g.fillText("call " + xMax, left + pw - 40, h - 4);
    }

    private static void line(GraphicsContext g, double share, long limit, long max, double left, double top, double pw,
                             double ph, Color color, String label) {
        double y = top + ph - ph * share * limit / max;
        g.setStroke(color);
        g.setLineWidth(1);
        g.strokeLine(left, y, left + pw, y);
        g.setFill(color);
        g.fillText(label, left + 4, y - 2);
    }
}
