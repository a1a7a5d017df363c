package dev.cofferdam.app.ui.walls;

import dev.cofferdam.vm.egress.HostSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The aggregated per-host view of the egress log (the sandbox filter of the log table applies). */
final class HostsPane extends TableView<HostSummary> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    HostsPane(EgressLogViewModel vm) {
        super(vm.hosts());
        setId("hostsTable");
        setPlaceholder(new Label("No hosts contacted yet"));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("Host", 260, HostSummary::host));
        getColumns().add(column("Requests", 80, h -> String.valueOf(h.count())));
        getColumns().add(column("Last seen", 150, h -> TIME.format(h.lastSeen())));
        getColumns().add(column("Last decision", 100, HostSummary::decision));
        getColumns().add(column("Rule", 200, HostSummary::rule));
        setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(HostSummary h, boolean empty) {
                super.updateItem(h, empty);
                getStyleClass().removeAll("egress-allow", "egress-deny");
                if (!empty && h != null) {
                    getStyleClass().add("allow".equals(h.decision()) ? "egress-allow" : "egress-deny");
                }
            }
        });
    }

    private static TableColumn<HostSummary, String> column(String name, double width,
                                                           Function<HostSummary, String> value) {
        TableColumn<HostSummary, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }
}
