package dev.cofferdam.app.ui.workbench;

import dev.cofferdam.app.ui.blast.BlastPanel;
import dev.cofferdam.app.ui.details.DetailsPane;
import dev.cofferdam.app.ui.graph.GraphView;
import dev.cofferdam.app.ui.map.MapIndex;
import dev.cofferdam.app.ui.open.RecentRepositories;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;

/**
 * The workbench window's content: toolbar, graph, blast radius and details. It only binds the view
 * models to the controls and forwards user actions to them.
 */
public final class WorkbenchView extends BorderPane {
    private final WorkbenchViewModel vm;
    private final RecentRepositories recent;
    private final WorkbenchToolbar toolbar = new WorkbenchToolbar();
    private final GraphPane graphPane = new GraphPane();
    private final BlastPanel blastPanel = new BlastPanel();
    private final DetailsPane details = new DetailsPane();
    private final Label status = new Label();
    private Runnable openSample = () -> { };

    public WorkbenchView(WorkbenchViewModel vm, RecentRepositories recent) {
        this.vm = vm;
        this.recent = recent;
        getStyleClass().add("workbench");
        TabPane side = new TabPane(new Tab("Blast radius", blastPanel), new Tab("Details", details));
        side.setId("side");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(300);
        SplitPane split = new SplitPane(graphPane, side);
        split.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(side, false);
        status.setId("status");
        HBox bar = new HBox(status);
        bar.getStyleClass().add("status-bar");
        setTop(toolbar);
        setCenter(split);
        setBottom(bar);
        bindOpen();
        bindGraph();
        bindSelection();
        new SearchBinding(toolbar.search, vm).install();
        new WorkbenchKeys(this, vm, toolbar).install();
    }

    public GraphView graphView() {
        return graphPane.graph;
    }

    /** What the Recent menu's "Sample repository" item does. */
    public void setOnOpenSample(Runnable handler) {
        this.openSample = handler;
    }

    /** The theme toggle's state (true: dark). */
    public BooleanProperty darkThemeProperty() {
        return toolbar.dark.selectedProperty();
    }

    private void bindOpen() {
        toolbar.open.setOnAction(e -> chooseFolder());
        toolbar.recent.setOnShowing(e -> fillRecent());
        fillRecent();
        graphPane.cancel.setOnAction(e -> vm.cancel());
        graphPane.dismiss.setOnAction(e -> vm.dismissError());
        graphPane.progress.progressProperty().bind(vm.progressProperty());
        graphPane.progressText.textProperty().bind(vm.progressTextProperty());
        vm.busyProperty().addListener((o, was, busy) -> graphPane.showBusy(busy));
        vm.errorProperty().addListener((o, was, now) -> graphPane.showError(now));
        graphPane.hint.visibleProperty().bind(vm.indexProperty().isNull().and(vm.busyProperty().not()));
        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
        vm.indexProperty().addListener((o, was, now) -> updateStatus());
        vm.setOnOpened(recent::add);
    }

    private void bindGraph() {
        GraphViewModel g = vm.graph();
        GraphView view = graphPane.graph;
        g.graphProperty().addListener((o, was, now) -> {
            view.setGraph(now);
            graphPane.note.setText(now.data().note());
            graphPane.note.setVisible(!now.data().note().isEmpty());
        });
        graphPane.note.setVisible(false);
        view.setOnSelect(vm::selectNode);
        view.setOnOpen(g::open);
        toolbar.back.disableProperty().bind(g.canBackProperty().not());
        toolbar.forward.disableProperty().bind(g.canForwardProperty().not());
        toolbar.back.setOnAction(e -> g.back());
        toolbar.forward.setOnAction(e -> g.forward());
        toolbar.home.setOnAction(e -> g.home());
        toolbar.fit.setOnAction(e -> view.fit());
        toolbar.crumb.textProperty().bind(Bindings.createStringBinding(() -> g.scopeProperty().get().title(),
                g.scopeProperty()));
    }

    private void bindSelection() {
        SelectionViewModel s = vm.selection();
        s.highlightProperty().addListener((o, was, now) -> graphPane.graph.setHighlight(now));
        s.blastProperty().addListener((o, was, now) -> {
            blastPanel.show(now);
            if (now != null) {
                blastPanel.showHistory(s.historyProperty().get());
            }
            updateStatus();
        });
        s.selectionProperty().addListener((o, was, now) -> blastPanel.showSelection(now == null ? null : now.title()));
        s.busyProperty().addListener((o, was, now) -> blastPanel.showBusy(now));

        s.errorProperty().addListener((o, was, now) -> blastPanel.showError(now));
        s.factsProperty().addListener((o, was, now) -> details.show(now));
        blastPanel.showError("");
        blastPanel.setOnFile(vm::showFile);
        details.setOnFile(vm::showFile);
        blastPanel.setOnCopy(this::copyContext);
        toolbar.diffWorkingTree.setOnAction(e -> s.diff(""));
        toolbar.diffRange.setOnAction(e -> askRange());
        toolbar.diff.disableProperty().bind(vm.indexProperty().isNull());
    }

    void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a repository");
        Path current = vm.repositoryProperty().get();
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File folder = chooser.showDialog(getScene().getWindow());
        if (folder != null) {
            vm.open(folder.toPath());
        }
    }

    void copyContext() {
        String pack = vm.selection().contextPack();
        if (!pack.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(pack);
            Clipboard.getSystemClipboard().setContent(content);
            status.setText("Copied the context pack (" + pack.length() + " characters) to the clipboard");
        }
    }

    private void askRange() {
        TextInputDialog dialog = new TextInputDialog("HEAD~1..HEAD");
        dialog.setTitle("Blast radius of a git range");
        dialog.setHeaderText("Git range (A..B)");
        dialog.showAndWait().ifPresent(vm.selection()::diff);
    }

    private void fillRecent() {
        toolbar.recent.getItems().clear();
        for (Path p : recent.list()) {
            MenuItem item = new MenuItem(p.toString());
            item.setOnAction(e -> vm.open(p));
            toolbar.recent.getItems().add(item);
        }
        MenuItem sample = new MenuItem("Sample repository (a small shop)");
        sample.setId("open-sample");
        sample.setOnAction(e -> openSample.run());
        if (!toolbar.recent.getItems().isEmpty()) {
            toolbar.recent.getItems().add(new SeparatorMenuItem());
        }
        toolbar.recent.getItems().add(sample);
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1;
        if (ok) {
            vm.open(e.getDragboard().getFiles().get(0).toPath());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    private void updateStatus() {
        MapIndex index = vm.indexProperty().get();
        if (index == null) {
            status.setText("No repository open");
            return;
        }
        var map = index.map();
        String home = System.getProperty("user.home");
        String where = vm.repositoryProperty().get().toString();
        if (home != null && where.startsWith(home + "/")) {
            where = "~" + where.substring(home.length());
        }
        status.setText(where + "   ·   " + index.modules().size() + " modules, "
                + map.files().size() + " files, " + map.edges().size() + " edges, " + map.cycles().size() + " cycles");
    }
}
