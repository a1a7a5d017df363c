package dev.cofferdam.app.ui.trace;

import dev.cofferdam.engine.trace.FileEffect;
import java.util.List;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Diffs of a call's edits, lines starting with + and - coloured (trace.css). FX thread only. */
final class DiffText extends TextFlow {
    DiffText() {
        getStyleClass().add("trace-diff");
    }

    void show(List<FileEffect> diffs) {
        getChildren().clear();
        for (FileEffect e : diffs) {
            Text head = new Text(e.op().label() + " " + e.path() + "\n");
            head.getStyleClass().add("diff-file");
            getChildren().add(head);
            for (String line : e.diff().split("\n", -1)) {
                Text t = new Text(line + "\n");
                t.getStyleClass().add(line.startsWith("+") ? "diff-add" : line.startsWith("-") ? "diff-del" : "diff-ctx");
                getChildren().add(t);
            }
        }
    }
}
