package dev.cofferdam.app.ui.walls;

import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxState;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

/** The live list of sandboxes with their actions; refreshed every second off the FX thread. */
final class SandboxesPane extends BorderPane {
    private final SandboxesViewModel vm;
    private final TableView<SandboxInfo> table = new TableView<>();
    private final Timeline ticker;

    SandboxesPane(SandboxesViewModel vm, Runnable launch, Consumer<String> terminal) {
        this.vm = vm;
        getStyleClass().add("sandboxes-pane");
        Label title = new Label("Sandboxes");
        title.getStyleClass().add("walls-title");
        Button launchButton = new Button("Launch…");
        launchButton.setId("launchSandbox");
        launchButton.setOnAction(e -> launch.run());
        Button start = action("Start", vm::start);
        Button stop = action("Stop", vm::stop);
        Button remove = action("Remove…", this::confirmRemove);
        Button term = action("Terminal", terminal::accept);
        launchButton.setDisable(!vm.available());
        start.disableProperty().bind(stateIs(SandboxState.RUNNING).or(vm.busyProperty()));
        stop.disableProperty().bind(stateIs(SandboxState.STOPPED).or(vm.busyProperty()));
        term.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            SandboxInfo s = table.getSelectionModel().getSelectedItem();
            return s == null || s.state() != SandboxState.RUNNING;
        }, table.getSelectionModel().selectedItemProperty(), vm.sandboxes()));
        setTop(new ToolBar(title, launchButton, start, stop, remove, term));
        table.setId("sandboxTable");
        table.setItems(vm.sandboxes());
        table.setPlaceholder(new Label(vm.available() ? "No sandboxes yet: Launch… creates one."
                : "Sandboxes are unavailable here (see below)."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Name", 110, SandboxInfo::name));
        table.getColumns().add(column("State", 70, SandboxFormat::state));
        table.getColumns().add(column("Uptime", 80, SandboxFormat::uptime));
        table.getColumns().add(column("CPU", 60, SandboxFormat::cpu));
        table.getColumns().add(column("RSS", 70, SandboxFormat::rss));
        table.getColumns().add(column("Workspace", 180, SandboxFormat::workspace));
        table.getColumns().add(column("Template", 70, SandboxInfo::template));
        table.getColumns().add(column("Warning", 160, SandboxFormat::warning));
        table.setRowFactory(v -> new StateRow());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now.name());
            }
        });
        vm.sandboxes().addListener((javafx.collections.ListChangeListener<SandboxInfo>) c -> reselect());
        setCenter(table);
        Label message = new Label();
        message.setId("sandboxMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(vm.messageProperty().isNotEmpty());
        message.getStyleClass().add("walls-message");
        setBottom(message);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        vm.refresh();
    }

    /** setAll replaces the items: keep the selected sandbox selected. */
    private void reselect() {
        String name = vm.selectedProperty().get();
        for (SandboxInfo s : table.getItems()) {
            if (s.name().equals(name)) {
                if (table.getSelectionModel().getSelectedItem() != s) {
                    table.getSelectionModel().select(s);
                }
                return;
            }
        }
    }

    private javafx.beans.binding.BooleanBinding stateIs(SandboxState state) {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            SandboxInfo s = table.getSelectionModel().getSelectedItem();
            return s == null || s.state() == state;
        }, table.getSelectionModel().selectedItemProperty(), vm.sandboxes());
    }

    private Button action(String label, Consumer<String> onSelected) {
        Button b = new Button(label);
        b.setOnAction(e -> {
            SandboxInfo s = table.getSelectionModel().getSelectedItem();
            if (s != null) {
                onSelected.accept(s.name());
            }
        });
        b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        return b;
    }

    private void confirmRemove(String name) {
        boolean cloned = vm.sandboxes().stream().anyMatch(s -> s.name().equals(name) && s.cloned());
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Remove sandbox " + name + "? Its VM, disk and logs are"
                + " deleted." + (cloned ? " The clone's changes are first kept as branch cofferdam/" + name + "." : ""),
                ButtonType.CANCEL, ButtonType.OK);
        a.setHeaderText("Remove " + name);
        a.initOwner(getScene().getWindow());
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.remove(name));
    }

    private static TableColumn<SandboxInfo, String> column(String name, double width,
                                                           Function<SandboxInfo, String> value) {
        TableColumn<SandboxInfo, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    void dispose() {
        ticker.stop();
    }

    /** Colours a row by state. */
    private static final class StateRow extends TableRow<SandboxInfo> {
        @Override
        protected void updateItem(SandboxInfo s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().removeAll("state-running", "state-stopped", "state-crashed");
            if (!empty && s != null) {
                getStyleClass().add("state-" + SandboxFormat.state(s));
            }
        }
    }
}
