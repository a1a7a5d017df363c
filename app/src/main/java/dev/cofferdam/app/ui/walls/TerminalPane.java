package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.ui.terminal.TerminalView;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The terminal of one sandbox: a {@link TerminalView} connected both ways to a shell session in
 * the guest, and a bar with the session's status and Restart. The session starts once the view
 * knows its size, so the guest's PTY starts at that size.
 */
final class TerminalPane extends BorderPane {
    private final TerminalViewModel vm;
    private final TerminalView view = new TerminalView();

    TerminalPane(TerminalViewModel vm) {
        this.vm = vm;
        getStyleClass().add("terminal-pane");
        view.setId("terminalView");
        view.setOnInput(vm::send);
        view.setOnResize((rows, cols) -> {
            if (vm.runningProperty().get()) {
                vm.resize(rows, cols);
            } else if ("not started".equals(vm.statusProperty().get())) {
                start();
            }
        });
        vm.statusProperty().addListener((o, was, now) -> {
            if (!now.startsWith("ended: ")) {
                return;
            }
            // An agent session's status grows once its run is saved: print only what is new.
            String text = was.startsWith("ended: ") && now.startsWith(was + " — ") ? now.substring(was.length() + 3)
                    : now.substring(7) + (vm.restartable() ? " — Restart opens a new shell" : "");
            byte[] note = ("\r\n\033[0;2m[" + text + "]\033[0m\r\n").getBytes(StandardCharsets.UTF_8);
            view.output(note, 0, note.length);
        });
        Label status = new Label();
        status.setId("terminalStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        Button restart = new Button("Restart");
        restart.setId("terminalRestart");
        restart.disableProperty().bind(vm.runningProperty());
        restart.setVisible(vm.restartable());
        restart.setManaged(vm.restartable());
        restart.setOnAction(e -> {
            start();
            view.requestFocus();
        });
        Label keys = new Label("Ctrl+Shift+C copy · Ctrl+Shift+V paste · Shift+PgUp/PgDn scroll");
        keys.getStyleClass().add("muted");
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, new Label(vm.sandbox()), status, keys, restart);
        bar.getStyleClass().add("terminal-line");
        setCenter(view);
        setBottom(bar);
    }

    private void start() {
        vm.start(view.terminal().screen().rows(), view.terminal().screen().cols(), (data, len) -> view.output(data, 0, len));
    }

    TerminalView view() {
        return view;
    }

    /** Ends the session and releases the view. */
    void dispose() {
        vm.close();
        view.dispose();
    }
}
