package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.detect.Finding;
import dev.cofferdam.engine.trace.detect.Severity;
import java.util.stream.Collectors;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** Findings with their severity colour; the cell text names the calls. FX thread only. */
final class FindingList extends ListView<Finding> {
    FindingList() {
        setId("trace-findings");
        setPlaceholder(new javafx.scene.control.Label("No findings"));
        setCellFactory(v -> new Cell());
    }

    static String text(Finding f) {
        String seqs = f.seqs().stream().limit(8).map(String::valueOf).collect(Collectors.joining(", "));
        return f.detector() + " — " + f.message() + (seqs.isEmpty() ? "" : "  (calls " + seqs
                + (f.seqs().size() > 8 ? ", …" : "") + ")");
    }

    /** One finding, amber or red. */
    private static final class Cell extends ListCell<Finding> {
        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            getStyleClass().removeAll("finding-red", "finding-amber");
            if (empty || f == null) {
                setText(null);
                return;
            }
            setText(text(f));
            setWrapText(true);
            setPrefWidth(0);
            getStyleClass().add(f.severity() == Severity.RED ? "finding-red" : "finding-amber");
        }
    }
}
