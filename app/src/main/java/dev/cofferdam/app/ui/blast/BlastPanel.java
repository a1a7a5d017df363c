package dev.cofferdam.app.ui.blast;

import dev.cofferdam.engine.blast.BlastResult;
import dev.cofferdam.engine.blast.Impact;
import dev.cofferdam.engine.git.CoChange;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Lists a blast radius: impacted files (score, distance, via), tests to run, owners to notify, and
 * a button that copies it as agent context. Double-clicking a row reports that file.
 */
public final class BlastPanel extends VBox {
    private final Label title = new Label("Nothing selected");
    private final Label summary = new Label("Click a module or a file in the graph.");
    private final Label error = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final TableView<Impact> impacted = table("blast-impacted");
    private final TableView<Impact> tests = table("blast-tests");
    private final Label owners = new Label();
    private final Label history = new Label();
    private final Button copy = new Button("Copy as agent context");
    private Consumer<String> onFile = p -> { };

    public BlastPanel() {
        super(6);
        getStyleClass().add("blast-panel");
        title.getStyleClass().add("details-title");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        summary.setWrapText(true);
        owners.setWrapText(true);
        owners.setId("blast-owners");
        history.setId("blast-history");
        history.setWrapText(true);
        history.getStyleClass().add("muted");
        spinner.setPrefSize(18, 18);
        for (Label l : List.of(summary, owners, history, error)) {
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        spinner.setVisible(false);
        copy.setId("copy-context");
        copy.setDisable(true);
        VBox.setVgrow(impacted, Priority.ALWAYS);
        tests.setPrefHeight(150);
        getChildren().addAll(new HBox(6, title, spinner), summary, error, section("Impacted files"), impacted,
                section("Tests to run"), tests, section("Owners to notify"), owners,
                section("Changed together in git history"), history, copy);
    }

    public void setOnFile(Consumer<String> handler) {
        this.onFile = handler;
    }

    public void setOnCopy(Runnable handler) {
        copy.setOnAction(e -> handler.run());
    }

    public void showSelection(String text) {
        title.setText(text == null ? "Nothing selected" : text);
    }

    public void showBusy(boolean busy) {
        spinner.setVisible(busy);
    }

    public void showError(String message) {
        error.setText(message);
        error.setManaged(!message.isEmpty());
        error.setVisible(!message.isEmpty());
    }

    /** The history signal, shown apart from the static radius. */
    public void showHistory(List<CoChange> coupled) {
        history.setText(coupled.isEmpty() ? "nothing above the thresholds" : String.join("\n", coupled.stream().limit(6)
                .map(c -> name(c.path()) + "  (with " + name(c.seed()) + ", " + c.support() + " commits, "
                        + Math.round(c.confidence() * 100) + "%)").toList()));
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public void show(BlastResult r) {
        copy.setDisable(r == null);
        if (r == null) {
            impacted.getItems().clear();
            tests.getItems().clear();
            owners.setText("");
            history.setText("");
            summary.setText("Click a module or a file in the graph.");
            return;
        }
        summary.setText(r.impacted().size() + " files impacted in " + r.modules().size() + " modules, "
                + r.tests().size() + " tests" + (r.cycles().isEmpty() ? "" : ", " + r.cycles().size() + " cycles met"));
        impacted.getItems().setAll(r.impacted());
        tests.getItems().setAll(r.tests());
        owners.setText(r.owners().isEmpty() ? "none known" : String.join(", ", r.owners()));
    }

    private TableView<Impact> table(String id) {
        TableView<Impact> t = new TableView<>();
        t.setId(id);
        t.getColumns().add(column("File", i -> i.path().substring(i.path().lastIndexOf('/') + 1), 150));
        t.getColumns().add(column("Score", i -> String.format(Locale.ROOT, "%.2f", i.score()), 58));
        t.getColumns().add(column("Dist", i -> String.valueOf(i.distance()), 45));
        t.getColumns().add(column("Via", i -> via(i.via()), 220));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("none"));
        t.setRowFactory(view -> {
            TableRow<Impact> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    onFile.accept(row.getItem().path());
                }
            });
            return row;
        });
        return t;
    }

    private static TableColumn<Impact, String> column(String name, Function<Impact, String> value,
                                                      double width) {
        TableColumn<Impact, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        return c;
    }

    private static String via(List<String> via) {
        return String.join(" ← ", via.stream().map(p -> p.substring(p.lastIndexOf('/') + 1).replace(".java", "")).toList());
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("details-section");
        return l;
    }
}
