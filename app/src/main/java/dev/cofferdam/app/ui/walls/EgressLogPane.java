package dev.cofferdam.app.ui.walls;

import dev.cofferdam.vm.egress.EgressRecord;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

/** The live egress log table: filter, pause, follow, colour by decision, export. */
final class EgressLogPane extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final EgressLogViewModel vm;
    private final TextField text = new TextField();
    private final ChoiceBox<String> decision = new ChoiceBox<>();
    private final ComboBox<String> sandbox = new ComboBox<>();

    EgressLogPane(EgressLogViewModel vm) {
        this.vm = vm;
        getStyleClass().add("egress-pane");
        TableView<EgressRecord> table = table();
        setTop(toolbar());
        setCenter(table);
        Label status = new Label();
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        Label count = new Label();
        count.setId("egressCount");
        vm.visible().addListener((ListChangeListener<EgressRecord>) c -> count.setText(summary()));
        vm.queuedProperty().addListener((o, was, now) -> count.setText(summary()));
        count.setText(summary());
        HBox bottom = new HBox(12, count, status);
        bottom.getStyleClass().add("status-bar");
        setBottom(bottom);
    }

    private String summary() {
        String s = vm.visible().size() + " of " + vm.records().size() + " decisions";
        return vm.queuedProperty().get() > 0 ? s + " (" + vm.queuedProperty().get() + " waiting: paused)" : s;
    }

    private ToolBar toolbar() {
        text.setId("egressFilter");
        text.setPromptText("filter: host, rule, reason…");
        text.textProperty().addListener((o, was, now) -> applyFilter());
        HBox.setHgrow(text, Priority.ALWAYS);
        decision.setId("decisionFilter");
        decision.getItems().setAll(EgressLogViewModel.decisions());
        decision.setValue("");
        decision.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? "all decisions" : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        decision.valueProperty().addListener((o, was, now) -> applyFilter());
        sandbox.setId("sandboxFilter");
        sandbox.setPromptText("all sandboxes");
        sandbox.setItems(vm.sandboxes());
        sandbox.valueProperty().addListener((o, was, now) -> applyFilter());
        Button all = new Button("All");
        all.setOnAction(e -> sandbox.setValue(null));
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("pauseEgress");
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        CheckBox follow = new CheckBox("Follow");
        follow.selectedProperty().bindBidirectional(vm.followProperty());
        Button jsonl = new Button("Export JSONL…");
        jsonl.setOnAction(e -> export(EgressLogViewModel.Format.JSONL));
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> export(EgressLogViewModel.Format.CSV));
        return new ToolBar(text, decision, sandbox, all, pause, follow, jsonl, csv);
    }

    private void applyFilter() {
        vm.setFilter(text.getText(), decision.getValue(), sandbox.getValue());
    }

    private TableView<EgressRecord> table() {
        TableView<EgressRecord> t = new TableView<>(vm.visible());
        t.setId("egressTable");
        t.setPlaceholder(new Label("No egress yet: every connection a sandbox makes shows up here."));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getColumns().add(column("Time", 90, r -> TIME.format(r.time())));
        t.getColumns().add(column("Sandbox", 80, EgressRecord::sandbox));
        t.getColumns().add(column("Method", 70, EgressRecord::method));
        t.getColumns().add(column("Host", 170, EgressRecord::host));
        t.getColumns().add(column("Port", 50, r -> r.port() == 0 ? "" : String.valueOf(r.port())));
        t.getColumns().add(column("Decision", 60, EgressRecord::decision));
        t.getColumns().add(column("Rule", 130, EgressRecord::rule));
        t.getColumns().add(column("Reason", 220, EgressRecord::reason));
        t.getColumns().add(column("Bytes ↑/↓", 90, r -> r.bytesUp() + " / " + r.bytesDown()));
        t.getColumns().add(column("ms", 50, r -> String.valueOf(r.durationMs())));
        t.setRowFactory(v -> new DecisionRow());
        vm.visible().addListener((ListChangeListener<EgressRecord>) c -> {
            if (vm.followProperty().get() && !vm.visible().isEmpty()) {
                t.scrollTo(vm.visible().size() - 1);
            }
        });
        return t;
    }

    private static TableColumn<EgressRecord, String> column(String name, double width,
                                                            Function<EgressRecord, String> value) {
        TableColumn<EgressRecord, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private void export(EgressLogViewModel.Format format) {
        FileChooser chooser = new FileChooser();
        String ext = format == EgressLogViewModel.Format.JSONL ? "jsonl" : "csv";
        chooser.setTitle("Export the egress log");
        chooser.setInitialFileName("egress." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(), "*." + ext));
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f != null) {
            vm.export(f.toPath(), format);
        }
    }

    /** Colours a row by its decision. */
    private static final class DecisionRow extends TableRow<EgressRecord> {
        @Override
        protected void updateItem(EgressRecord r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("egress-allow", "egress-deny");
            if (!empty && r != null) {
                getStyleClass().add(r.allowed() ? "egress-allow" : "egress-deny");
            }
        }
    }
}
