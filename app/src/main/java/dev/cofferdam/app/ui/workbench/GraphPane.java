package dev.cofferdam.app.ui.workbench;

import dev.cofferdam.app.ui.graph.GraphView;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The graph with its overlays: error banner, progress with Cancel, aggregation note, empty hint. */
final class GraphPane extends StackPane {
    final GraphView graph = new GraphView();
    final Label error = new Label();
    final Button dismiss = new Button("×");
    final ProgressBar progress = new ProgressBar();
    final Label progressText = new Label();
    final Button cancel = new Button("Cancel");
    final Label note = new Label();
    final Label hint = new Label("Open a repository: Open… (Ctrl+O), the Recent menu, or drop a folder here.");
    final HBox banner;
    final VBox progressBox;

    GraphPane() {
        getStyleClass().add("graph-pane");
        error.setId("error-banner");
        error.setWrapText(true);
        cancel.setId("cancel-open");
        progress.setPrefWidth(320);
        progressText.setId("progress-text");
        note.setId("graph-note");
        note.getStyleClass().add("graph-note");
        hint.getStyleClass().add("muted");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        banner = new HBox(8, error, grow, dismiss);
        banner.getStyleClass().add("error-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setMaxHeight(Region.USE_PREF_SIZE);
        progressBox = new VBox(8, progressText, progress, cancel);
        progressBox.getStyleClass().add("progress-box");
        progressBox.setAlignment(Pos.CENTER);
        progressBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().addAll(graph, hint, note, banner, progressBox);
        StackPane.setAlignment(banner, Pos.TOP_CENTER);
        StackPane.setAlignment(note, Pos.BOTTOM_LEFT);
        StackPane.setAlignment(progressBox, Pos.CENTER);
        showError("");
        showBusy(false);
    }

    void showError(String message) {
        error.setText(message);
        banner.setVisible(!message.isEmpty());
    }

    void showBusy(boolean busy) {
        progressBox.setVisible(busy);
    }
}
