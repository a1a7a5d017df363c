package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.run.AgentRun;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The Walls view: sandboxes (top left), the network policy of the selected scope (top right),
 * and below the live egress log, its per-host view, the console log and the exec terminal.
 */
public final class WallsView extends BorderPane {
    private static final String GLOBAL = "global";
    static final String STYLESHEET = WallsView.class.getResource("/dev/cofferdam/assets/css/walls.css").toExternalForm();

    private final UiThreads threads;
    private final WallsServices services;
    private final SandboxesViewModel sandboxes;
    private final PolicyViewModel policy;
    private final EgressLogViewModel egress;
    private final SandboxesPane sandboxesPane;
    private final TabPane bottom = new TabPane();
    private final Tab terminalTab = new Tab("Terminal");
    private final Map<String, TerminalPane> terminals = new HashMap<>();
    private final ComboBox<String> scope = new ComboBox<>();

    public WallsView(UiThreads threads, WallsServices services) {
        this.threads = threads;
        this.services = services;
        getStyleClass().add("walls");
        getStylesheets().add(STYLESHEET);
        sandboxes = new SandboxesViewModel(threads, services.sandboxes(), services.unavailable());
        policy = new PolicyViewModel(threads, services.policies(), services.balanced());
        egress = new EgressLogViewModel(threads, services.log());
        sandboxesPane = new SandboxesPane(sandboxes, this::launch, this::openTerminal);
        SplitPane top = new SplitPane(sandboxesPane, policyColumn());
        top.setDividerPositions(0.6);
        bottom.setId("wallsTabs");
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        terminalTab.setContent(placeholder("Select a running sandbox and press Terminal."));
        bottom.getTabs().addAll(new Tab("Egress log", new EgressLogPane(egress)), new Tab("Hosts", new HostsPane(egress)),
                new Tab("Console", console()), terminalTab);
        SplitPane split = new SplitPane(top, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);
        egress.start();
        policy.edit(null);
    }

    private VBox policyColumn() {
        scope.setId("policyScope");
        scope.getItems().add(GLOBAL);
        scope.setValue(GLOBAL);
        scope.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                policy.edit(GLOBAL.equals(now) ? null : now);
            }
        });
        sandboxes.sandboxes().addListener((ListChangeListener<SandboxInfo>) c -> {
            java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(GLOBAL));
            sandboxes.sandboxes().forEach(s -> names.add(s.name()));
            if (!names.equals(scope.getItems())) {
                String current = scope.getValue();
                scope.getItems().setAll(names);
                scope.setValue(names.contains(current) ? current : GLOBAL);
            }
        });
        sandboxes.selectedProperty().addListener((o, was, now) -> {
            if (now != null) {
                scope.setValue(now);
            }
        });
        Label edit = new Label("Edit the policy of");
        HBox head = new HBox(6, edit, scope);
        head.getStyleClass().add("policy-scope");
        Label note = new Label("Changes apply at once to running sandboxes: the proxy re-reads the policy on every request.");
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.getStyleClass().add("muted");
        ScrollPane scroll = new ScrollPane(new PolicyPane(policy));
        scroll.setFitToWidth(true);
        VBox col = new VBox(6, head, note, scroll);
        col.getStyleClass().add("policy-column");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        return col;
    }

    private TextArea console() {
        TextArea text = new TextArea();
        text.setId("consoleLog");
        text.setEditable(false);
        text.getStyleClass().add("mono");
        text.setPromptText("The selected sandbox's console log (its last " + SandboxesViewModel.CONSOLE_LINES + " lines).");
        sandboxes.consoleProperty().addListener((o, was, now) -> {
            if (!now.equals(text.getText())) {
                text.setText(now);
                text.setScrollTop(Double.MAX_VALUE);
            }
        });
        return text;
    }

    private void launch() {
        if (services.sandboxes().isEmpty()) {
            return;
        }
        LaunchViewModel vm = new LaunchViewModel(threads, services.sandboxes().get(), services.policies(),
                new PolicyViewModel(threads, services.policies(), services.balanced()), services.agents());
        new LaunchDialog(vm, getScene().getWindow(), info -> {
            sandboxes.say(info.warning().isEmpty() ? "launched " + info.name() : "launched " + info.name()
                    + " — " + info.warning());
            sandboxes.selectedProperty().set(info.name());
            sandboxes.refresh();
        }, this::openAgentTerminal).show();
    }

    private void openTerminal(String name) {
        if (services.sandboxes().isEmpty()) {
            return;
        }
        show(name, terminals.computeIfAbsent(name,
                n -> new TerminalPane(new TerminalViewModel(threads, services.sandboxes().get(), n))));
    }

    /** The agent a launch started, in the terminal tab (replacing that sandbox's earlier terminal). */
    private void openAgentTerminal(AgentRun run) {
        TerminalPane old = terminals.remove(run.sandbox());
        if (old != null) {
            old.dispose();
        }
        TerminalPane pane = new TerminalPane(TerminalViewModel.forAgent(threads, services.sandboxes().get(), run));
        terminals.put(run.sandbox(), pane);
        show(run.sandbox(), pane);
    }

    private void show(String name, TerminalPane pane) {
        terminalTab.setText("Terminal — " + name);
        terminalTab.setContent(pane);
        bottom.getSelectionModel().select(terminalTab);
        pane.view().requestFocus();
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    public EgressLogViewModel egress() {
        return egress;
    }

    public PolicyViewModel policy() {
        return policy;
    }

    /** Stops the refresh timer, the egress subscription and the terminal sessions. */
    public void dispose() {
        sandboxesPane.dispose();
        egress.close();
        terminals.values().forEach(TerminalPane::dispose);
    }
}
