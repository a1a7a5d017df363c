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
        box.setPrefWidth(100);
        box.setMinWidth(0);
        list.setMinWidth(0);
        return box;
    }

    private static ListView<String> list(String id) {
        ListView<String> v = new ListView<>();
        v.setId(id);
        v.setCellFactory(x -> new Cell());
        return v;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setPadding(new javafx.geometry.Insets(8));
        return l;
    }

    /** @param cwd the session's working directory: paths under it are shown relative to it */
    void show(MapOverlay o, String cwd) {
        if (o == null) {
            allowed.getItems().clear();
            should.getItems().clear();
            did.getItems().clear();
            return;
        }
        List<String> hosts = new ArrayList<>();
        if (o.hosts() == null) {
            allowed.setPlaceholder(note("No egress log joined: type the sandbox name in the toolbar and press Enter"));
        } else {
            for (HostContact h : o.hosts()) {
                hosts.add((h.denied() == h.requests() ? "denied  " : h.denied() > 0 ? "partly denied  " : "allowed  ")
                        + h.host());
            }
            allowed.setPlaceholder(note("No hosts contacted during the session"));
        }
        allowed.getItems().setAll(hosts);
        should.setPlaceholder(note(o.mapped() ? "No seed files of the open map were named or read before the first edit"
                : "Open the repository on the Map tab to see the files the map predicts"));
        should.getItems().setAll(o.predicted());
        List<String> rows = new ArrayList<>();
        o.edited().forEach(f -> rows.add((o.outside().contains(f) ? "OUTSIDE  edit  " : "edit  ") + shorten(f, cwd)));
        o.read().forEach(f -> rows.add("read  " + shorten(f, cwd)));
        if (o.hosts() != null) {
            o.hosts().forEach(h -> rows.add("host  " + h.host() + " (" + h.requests() + ")"));
        }
        did.getItems().setAll(rows);
    }

    static String shorten(String path, String cwd) {
        return cwd != null && path.startsWith(cwd + "/") ? path.substring(cwd.length() + 1) : path;
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
