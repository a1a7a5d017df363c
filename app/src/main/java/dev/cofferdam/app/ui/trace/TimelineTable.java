package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.ToolCall;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;

/** The timeline: calls in order, parallel batches and sub-agents as expandable groups. FX thread only. */
final class TimelineTable extends TreeTableView<TimelineRow> {
    TimelineTable() {
        setId("trace-timeline");
        setShowRoot(false);
        setRoot(new TreeItem<>());
        getColumns().add(column("#", 60, r -> r.call() == null ? "" : (r.subagent() ? "·" : "") + r.call().seq()));
        getColumns().add(column("Tool", 110, r -> r.call() == null ? groupKind(r) : r.call().tool()));
        getColumns().add(column("Kind", 90, r -> r.call() == null ? "" : r.call().kind().label()));
        getColumns().add(column("Status", 70, r -> r.call() == null ? "" : status(r.call())));
        TreeTableColumn<TimelineRow, String> target = column("Target", 420,
                r -> r.call() == null ? r.label() : r.call().summary() == null ? "" : r.call().summary());
        getColumns().add(target);
        setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new javafx.scene.control.Label("Pick a session or open a transcript file"));
    }

    private static String groupKind(TimelineRow r) {
        return r.label().startsWith("Sub-agent") ? "sub-agent" : "parallel ×" + r.children().size();
    }

    static String status(ToolCall c) {
        return !c.hasResult() ? "…" : c.cascade() ? "cascade" : c.error() ? "FAIL" : "ok";
    }

    private static TreeTableColumn<TimelineRow, String> column(String name, double width,
                                                              Function<TimelineRow, String> text) {
        TreeTableColumn<TimelineRow, String> c = new TreeTableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().getValue() == null ? ""
                : text.apply(f.getValue().getValue())));
        c.setCellFactory(col -> new StatusCell());
        return c;
    }

    /** Shows the rows; expanded groups stay expanded. */
    void show(List<TimelineRow> rows) {
        TreeItem<TimelineRow> root = new TreeItem<>();
        for (TimelineRow r : rows) {
            root.getChildren().add(item(r));
        }
        setRoot(root);
    }

    private static TreeItem<TimelineRow> item(TimelineRow r) {
        TreeItem<TimelineRow> it = new TreeItem<>(r);
        r.children().forEach(c -> it.getChildren().add(item(c)));
        it.setExpanded(true);
        return it;
    }

    /** Selects and reveals the row of a main-session call; no-op when it is already selected. */
    void reveal(int seq) {
        TreeItem<TimelineRow> current = getSelectionModel().getSelectedItem();
        if (current != null && current.getValue() != null && current.getValue().seq() == seq) {
            return;
        }
        for (int i = 0; i < getExpandedItemCount(); i++) {
            TreeItem<TimelineRow> it = getTreeItem(i);
            if (it != null && it.getValue() != null && it.getValue().seq() == seq) {
                getSelectionModel().select(i);
                scrollTo(Math.max(0, i - 3));
                return;
            }
        }
    }

    /** Colours a row by its call's outcome (style classes in trace.css). */
    private static final class StatusCell extends TreeTableCell<TimelineRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            getStyleClass().removeAll("call-failed", "call-cascade", "call-group");
            TimelineRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (r == null) {
                return;
            }
            if (r.call() == null) {
                getStyleClass().add("call-group");
            } else if (r.call().cascade()) {
                getStyleClass().add("call-cascade");
            } else if (r.call().error()) {
                getStyleClass().add("call-failed");
            }
        }
    }
}
