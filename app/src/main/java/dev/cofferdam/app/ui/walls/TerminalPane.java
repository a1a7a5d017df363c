package dev.cofferdam.app.ui.walls;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A simple line terminal over a sandbox's exec channel: streamed stdout/stderr and an input line.
 * Not a terminal emulator (no VT100: full-screen programs and colours are not rendered).
 */
final class TerminalPane extends BorderPane {

    TerminalPane(TerminalViewModel vm) {
        getStyleClass().add("terminal-pane");
        TextArea out = new TextArea();
        out.setId("terminalOutput");
        out.setEditable(false);
        out.setWrapText(true);
        out.getStyleClass().add("mono");
        vm.textProperty().addListener((o, was, now) -> {
            out.setText(now);
            out.positionCaret(now.length());
            out.setScrollTop(Double.MAX_VALUE);
        });
        TextField in = new TextField();
        in.setId("terminalInput");
        in.getStyleClass().add("mono");
        in.promptTextProperty().bind(vm.runningProperty().map(r -> r ? "input for the running command (Enter sends a line)"
                : "command to run in " + vm.sandbox() + " (sh -c)"));
        in.setOnAction(e -> {
            vm.submit(in.getText());
            in.clear();
        });
        HBox.setHgrow(in, Priority.ALWAYS);
        Button eof = new Button("End input");
        eof.disableProperty().bind(vm.runningProperty().not());
        eof.setOnAction(e -> vm.endInput());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> vm.clear());
        Label note = new Label("line mode, no VT100 emulation");
        note.getStyleClass().add("muted");
        setCenter(out);
        HBox line = new HBox(6, new Label(vm.sandbox() + " $"), in, eof, clear, note);
        line.getStyleClass().add("terminal-line");
        setBottom(line);
    }
}
