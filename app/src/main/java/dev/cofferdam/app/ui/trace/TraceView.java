package dev.cofferdam.app.ui.trace;

import dev.cofferdam.assets.Assets;
import dev.cofferdam.engine.trace.SessionRef;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.report.SessionSummary;
import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * The Trace view: a session's timeline with findings and the context curve on the left, the
 * selected call and allowed / should / did on the right. Binds {@link TraceViewModel}; FX thread only.
 */
public final class TraceView extends BorderPane {
    private final TraceViewModel vm;
    private final TraceToolbar toolbar = new TraceToolbar();
    private final TimelineTable timeline = new TimelineTable();
    private final FindingList findings = new FindingList();
    private final ContextChart chart = new ContextChart();
    private final CallDetailPane detail = new CallDetailPane();
    private final OverlayPane overlay = new OverlayPane();
    private final TabPane side;
    private final Tab callTab;
    private final Label status = new Label("No session open");

    public TraceView(TraceViewModel vm) {
        this.vm = vm;
        setId("trace-view");
        getStyleClass().add("trace-view");
        URL css = Assets.class.getResource("css/trace.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        SplitPane left = new SplitPane(timeline, findings, chart);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.6, 0.8);
        callTab = new Tab("Call", detail);
        side = new TabPane(callTab, new Tab("Allowed / should / did", overlay));
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(left, side);
        split.setDividerPositions(0.58);
        status.setId("trace-status");
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        setTop(toolbar);
        setCenter(split);
        setBottom(bar);
        bindToolbar();
        bindContent();
    }

    private void bindToolbar() {
        toolbar.sessions.setItems(vm.sessions());
        toolbar.sessions.setOnAction(e -> {
            var ref = toolbar.sessions.getValue();
            if (ref != null && !Path.of(ref.path()).equals(vm.fileProperty().get())) {
                load(Path.of(ref.path()));
            }
        });
        // the list shows what is open, however it was opened (chosen, a file, the sample on its own)
        vm.fileProperty().addListener((o, was, now) -> showOpenSession());
        vm.sessions().addListener((ListChangeListener<SessionRef>) c -> showOpenSession());
        toolbar.refresh.setOnAction(e -> vm.refreshSessions());
        toolbar.open.setOnAction(e -> chooseFile());
        toolbar.live.setOnAction(e -> {
            Path f = vm.fileProperty().get();
            if (!toolbar.live.isSelected()) {
                vm.stopLive();
            } else if (f != null) {
                vm.follow(f);
            }
        });
        vm.liveProperty().addListener((o, was, now) -> toolbar.live.setSelected(now));
        toolbar.sandbox.textProperty().bindBidirectional(vm.sandboxProperty());
        toolbar.sandbox.setOnAction(e -> {
            if (vm.fileProperty().get() != null) {
                load(vm.fileProperty().get());
            }
        });
        toolbar.state.textProperty().bind(javafx.beans.binding.Bindings.when(vm.busyProperty()).then("Reading…")
                .otherwise(javafx.beans.binding.Bindings.when(vm.liveProperty()).then("● following").otherwise("")));
    }

    private void showOpenSession() {
        Path open = vm.fileProperty().get();
        SessionRef match = open == null ? null
                : vm.sessions().stream().filter(r -> Path.of(r.path()).equals(open)).findFirst().orElse(null);
        if (!Objects.equals(match, toolbar.sessions.getValue())) {
            toolbar.sessions.setValue(match);
        }
    }

    private void bindContent() {
        vm.analysisProperty().addListener((o, was, a) -> {
            timeline.show(a.timeline());
            findings.getItems().setAll(a.report().findings());
            chart.show(a.report(), a.session().compactions(), a.session().calls().size());
            overlay.show(a.overlay(), a.session().cwd());
            if (vm.selectedSeqProperty().get() > 0) {
                timeline.reveal(vm.selectedSeqProperty().get());
            }
            updateStatus(a.session());
        });
        timeline.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> selectRow(now));
        findings.getSelectionModel().selectedItemProperty().addListener((o, was, f) -> {
            if (f != null) {
                vm.selectFinding(f);
                side.getSelectionModel().select(callTab);
            }
        });
        findings.setOnMouseClicked(e -> {
            if (findings.getSelectionModel().getSelectedItem() != null) {
                vm.selectFinding(findings.getSelectionModel().getSelectedItem());
                side.getSelectionModel().select(callTab);
            }
        });
        vm.selectedSeqProperty().addListener((o, was, seq) -> {
            if (seq.intValue() > 0) {
                timeline.reveal(seq.intValue());
            }
        });
        vm.detailProperty().addListener((o, was, d) -> detail.show(d));
        vm.errorProperty().addListener((o, was, e) -> {
            if (!e.isEmpty()) {
                status.setText(e);
            }
        });
    }

    private void selectRow(TreeItem<TimelineRow> item) {
        if (item != null && item.getValue() != null && item.getValue().call() != null) {
            vm.select(item.getValue().call());
        }
    }

    private void updateStatus(TraceSession s) {
        SessionSummary m = SessionSummary.of(s);
        status.setText(m.agent().label() + " session " + m.id() + "   ·   " + m.calls() + " calls in " + m.steps()
                + " steps, " + m.failures() + " failures, " + m.compactions() + " compactions, "
                + vm.analysisProperty().get().report().findings().size() + " findings"
                + (s.subagents().isEmpty() ? "" : ", " + s.subagents().size() + " sub-agents"));
    }

    /** Opens a transcript, following it when live mode is on. */
    public void load(Path transcript) {
        if (toolbar.live.isSelected()) {
            vm.follow(transcript);
        } else {
            vm.open(transcript);
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open an agent transcript");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Transcripts", "*.jsonl", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f != null) {
            load(f.toPath());
        }
    }
}
