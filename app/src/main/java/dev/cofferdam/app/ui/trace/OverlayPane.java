package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.report.HostContact;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Allowed / should / did side by side: hosts the policy allowed or denied (egress log), files the
 * map predicts from the task's seeds, and what the session read, edited (edits outside the
 * neighbourhood marked) and contacted. FX thread only.
 */
final class OverlayPane extends HBox {
    private final ListView<String> allowed = list("trace-allowed");
    private final ListView<String> should = list("trace-should");
    private final ListView<String> did = list("trace-did");

    OverlayPane() {
        setId("trace-overlay");
        setSpacing(8);
        getChildren().addAll(column("Allowed (egress policy)", allowed), column("Should (map prediction)", should),
                column("Did (trace)", did));
    }

    private static VBox column(String title, ListView<String> list) {
        Label l = new Label(title);
        l.getStyleClass().add("trace-column-title");
        VBox box = new VBox(4, l, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(200);
        return box;
    }

    private static ListView<String> list(String id) {
        ListView<String> v = new ListView<>();
        v.setId(id);
        v.setCellFactory(x -> new Cell());
        return v;
    }

    void show(MapOverlay o) {
        if (o == null) {
            allowed.getItems().clear();
            should.getItems().clear();
            did.getItems().clear();
            return;
        }
        List<String> hosts = new ArrayList<>();
        if (o.hosts() == null) {
            allowed.setPlaceholder(new Label("No egress log: name the sandbox above"));
        } else {
            for (HostContact h : o.hosts()) {
                hosts.add((h.denied() == h.requests() ? "denied  " : h.denied() > 0 ? "partly denied  " : "allowed  ")
                        + h.host());
            }
            allowed.setPlaceholder(new Label("No hosts contacted"));
        }
        allowed.getItems().setAll(hosts);
        should.setPlaceholder(new Label(o.mapped() ? "No seeds found in the session" : "Open a repository on the Map tab"));
        should.getItems().setAll(o.predicted());
        List<String> rows = new ArrayList<>();
        o.edited().forEach(f -> rows.add((o.outside().contains(f) ? "OUTSIDE  edit  " : "edit  ") + f));
        o.read().forEach(f -> rows.add("read  " + f));
        if (o.hosts() != null) {
            o.hosts().forEach(h -> rows.add("host  " + h.host() + " (" + h.requests() + ")"));
        }
        did.getItems().setAll(rows);
    }

    /** Marks edits outside the neighbourhood and denied hosts. */
    private static final class Cell extends ListCell<String> {
        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty ? null : s);
            getStyleClass().removeAll("finding-red", "finding-amber");
            if (!empty && s != null && (s.startsWith("OUTSIDE") || s.startsWith("denied"))) {
                getStyleClass().add("finding-red");
            } else if (!empty && s != null && s.startsWith("partly")) {
                getStyleClass().add("finding-amber");
            }
        }
    }
}
