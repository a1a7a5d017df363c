package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.ToolCall;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

/** The selected call: headline, input, result and the diffs of its edits. FX thread only. */
final class CallDetailPane extends VBox {
    private final Label headline = new Label("Select a call in the timeline");
    private final TextArea input = area("trace-input");
    private final TextArea result = area("trace-result");
    private final DiffText diff = new DiffText();
    private final TitledPane diffPane = new TitledPane("Edits", new ScrollPane(diff));

    CallDetailPane() {
        setId("trace-detail");
        getStyleClass().add("trace-detail");
        setSpacing(6);
        headline.setId("trace-detail-headline");
        headline.setWrapText(true);
        TitledPane in = new TitledPane("Input", input);
        TitledPane out = new TitledPane("Result", result);
        VBox.setVgrow(out, javafx.scene.layout.Priority.ALWAYS);
        out.setMaxHeight(Double.MAX_VALUE);
        result.setPrefRowCount(16);
        diffPane.setVisible(false);
        diffPane.setManaged(false);
        getChildren().addAll(headline, in, out, diffPane);
    }

    private static TextArea area(String id) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(8);
        a.getStyleClass().add("trace-mono");
        return a;
    }

    void show(CallDetail d) {
        if (d == null) {
            headline.setText("Select a call in the timeline");
            input.clear();
            result.clear();
            diffPane.setVisible(false);
            diffPane.setManaged(false);
            return;
        }
        ToolCall c = d.call();
        headline.setText("#" + c.seq() + "  " + c.tool() + " (" + c.kind().label() + ")  " + TimelineTable.status(c)
                + (c.time() == null ? "" : "  ·  " + c.time()) + "  ·  " + c.resultSize() + " chars of result");
        input.setText(d.input().isEmpty() ? String.join("\n", c.targets()) : d.input());
        result.setText(d.result());
        boolean edits = !d.diffs().isEmpty();
        diff.show(d.diffs());
        diffPane.setVisible(edits);
        diffPane.setManaged(edits);
    }
}
