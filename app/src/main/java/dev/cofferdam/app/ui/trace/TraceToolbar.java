package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.SessionRef;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;

/** The Trace view's toolbar: session picker, open file, live toggle, sandbox for the egress join. */
final class TraceToolbar extends ToolBar {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    final ComboBox<SessionRef> sessions = new ComboBox<>();
    final Button refresh = new Button("↻");
    final Button open = new Button("Open transcript…");
    final ToggleButton live = new ToggleButton("Live");
    final TextField sandbox = new TextField();
    final Label state = new Label();

    TraceToolbar() {
        setId("trace-toolbar");
        sessions.setId("trace-sessions");
        sessions.setPromptText("Agent sessions on this machine");
        sessions.setPrefWidth(420);
        sessions.setCellFactory(v -> new RefCell());
        sessions.setButtonCell(new RefCell());
        refresh.setId("trace-refresh");
        open.setId("trace-open");
        live.setId("trace-live");
        sandbox.setId("trace-sandbox");
        sandbox.setPromptText("sandbox (egress log)");
        sandbox.setPrefColumnCount(12);
        state.setId("trace-state");
        getItems().addAll(sessions, refresh, open, live, new Label("Sandbox"), sandbox, state);
    }

    static String describe(SessionRef r) {
        if (TraceLibrary.isSample(r)) {
            return "Sample session (shop)";
        }
        Path p = Path.of(r.path());
        return r.agent().label() + "  " + TIME.format(Instant.ofEpochMilli(r.mtime())) + "  "
                + p.getParent().getFileName() + "/" + p.getFileName() + "  (" + r.size() / 1024 + " KB)";
    }

    /** One session in the picker. */
    private static final class RefCell extends ListCell<SessionRef> {
        @Override
        protected void updateItem(SessionRef r, boolean empty) {
            super.updateItem(r, empty);
            setText(empty || r == null ? null : describe(r));
        }
    }
}
