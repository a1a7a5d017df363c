package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.run.AgentRun;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import java.io.File;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Launch a sandbox: name, workspace (direct or clone), agent, template, CPUs, memory, and its policy. */
final class LaunchDialog extends Dialog<SandboxInfo> {

    LaunchDialog(LaunchViewModel vm, Window owner, Consumer<SandboxInfo> launched, Consumer<AgentRun> agentStarted) {
        setTitle("Launch a sandbox");
        setHeaderText("Launch a sandbox (a microVM with its own kernel)");
        initOwner(owner);
        setResizable(true);
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        getDialogPane().getStylesheets().add(WallsView.STYLESHEET);
        getDialogPane().getStyleClass().add("walls");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        // Labels keep their width; the fields take the rest (a wrapping hint would squeeze the labels).
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        TextField name = new TextField();
        name.setId("launchName");
        name.setPromptText("my-agent");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextField workspace = new TextField();
        workspace.setId("launchWorkspace");
        workspace.setPromptText("none: the guest gets no host folder");
        workspace.textProperty().bindBidirectional(vm.workspaceProperty());
        HBox.setHgrow(workspace, Priority.ALWAYS);
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Workspace folder");
            File f = c.showDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                vm.workspaceProperty().set(f.getAbsolutePath());
            }
        });
        ToggleGroup mode = new ToggleGroup();
        RadioButton direct = new RadioButton("direct (read-write mount)");
        RadioButton clone = new RadioButton("clone (private git clone; changes come back as a branch)");
        direct.setToggleGroup(mode);
        clone.setToggleGroup(mode);
        (vm.cloneProperty().get() ? clone : direct).setSelected(true);
        clone.selectedProperty().addListener((o, was, now) -> vm.cloneProperty().set(now));
        ChoiceBox<String> agent = new ChoiceBox<>();
        agent.setId("launchAgent");
        agent.getItems().setAll(LaunchViewModel.agentChoices());
        agent.valueProperty().bindBidirectional(vm.agentProperty());
        Label agentHint = new Label("none: just the sandbox. An agent starts in it with the map over MCP and its "
                + "telemetry in the Trace tab, as `cofferdam run` does; the name then defaults to AGENT-FOLDER.");
        agentHint.setWrapText(true);
        agentHint.getStyleClass().add("muted");
        ChoiceBox<String> template = new ChoiceBox<>();
        template.getItems().setAll(vm.templates());
        template.valueProperty().bindBidirectional(vm.templateProperty());
        Spinner<Integer> cpus = new Spinner<>(1, 64, vm.cpusProperty().get());
        cpus.valueProperty().addListener((o, was, now) -> vm.cpusProperty().set(now));
        Spinner<Integer> memory = new Spinner<>(64, 1 << 20, vm.memoryProperty().get(), 64);
        memory.setEditable(true);
        memory.valueProperty().addListener((o, was, now) -> vm.memoryProperty().set(now));
        int row = 0;
        form.addRow(row++, new Label("Name"), name);
        form.addRow(row++, new Label("Workspace"), new HBox(4, workspace, browse));
        form.addRow(row++, new Label("Mode"), new VBox(2, direct, clone));
        form.addRow(row++, new Label("Agent"), new VBox(2, agent, agentHint));
        form.addRow(row++, new Label("Template"), template);
        form.addRow(row++, new Label("CPUs"), cpus);
        form.addRow(row++, new Label("Memory (MiB)"), memory);
        GridPane.setHgrow(workspace.getParent(), Priority.ALWAYS);
        Label error = new Label();
        error.setId("launchError");
        error.setWrapText(true);
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        Label progress = new Label();
        progress.getStyleClass().add("muted");
        progress.textProperty().bind(vm.progressProperty());
        PolicyPane policy = new PolicyPane(vm.policy());
        ScrollPane policyScroll = new ScrollPane(policy);
        policyScroll.setFitToWidth(true);
        policyScroll.setPrefViewportHeight(330);
        VBox content = new VBox(10, form, policyScroll, error, progress);
        content.setPrefWidth(620);
        getDialogPane().setContent(content);
        ButtonType launch = new ButtonType("Launch", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, launch);
        Button launchButton = (Button) getDialogPane().lookupButton(launch);
        launchButton.disableProperty().bind(vm.busyProperty());
        launchButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.launch(info -> {
                launched.accept(info);
                setResult(info);
                close();
            }, agentStarted);
        });
        setResultConverter(b -> null);
    }
}
