package dev.cofferdam.app.ui.details;

import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.ExternalRef;
import dev.cofferdam.engine.map.JavaType;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** Shows {@link Facts} about the selected module or file. Links select the file they name. */
public final class DetailsPane extends ScrollPane {
    private static final int MAX_ROWS = 30;

    private final VBox box = new VBox(4);
    private Consumer<String> onFile = p -> { };

    public DetailsPane() {
        getStyleClass().add("details-pane");
        box.getStyleClass().add("details-box");
        setContent(box);
        setFitToWidth(true);
        show(null);
    }

    public void setOnFile(Consumer<String> handler) {
        this.onFile = handler;
    }

    public void show(Facts facts) {
        box.getChildren().clear();
        if (facts == null) {
            box.getChildren().add(muted("Select a module or a file to see its facts."));
            return;
        }
        Label title = new Label(facts.title());
        title.getStyleClass().add("details-title");
        box.getChildren().add(title);
        if (facts instanceof ModuleFacts m) {
            module(m);
        } else if (facts instanceof FileFacts f) {
            file(f);
        }
    }

    private void module(ModuleFacts m) {
        Module mod = m.module();
        fact("Path", mod.path());
        fact("Kind", mod.kind().name().toLowerCase(Locale.ROOT));
        fact("Files", String.valueOf(mod.files()));
        fact("Lines", String.valueOf(mod.loc()));
        fact("Owners", mod.owners().isEmpty() ? "none known" : String.join(", ", mod.owners()));
        weights("Depends on", m.dependsOn());
        weights("Used by", m.usedBy());
        section("Cycles (" + m.cycles().size() + ")");
        for (List<String> cycle : m.cycles()) {
            box.getChildren().add(wrapped(String.join(" → ", cycle.stream().map(DetailsPane::name).toList())));
        }
    }

    private void file(FileFacts f) {
        SourceFile file = f.file();
        fact("Path", file.path());
        fact("Module", f.module().equals(file.module()) ? f.module() : f.module() + "  ·  cluster " + file.module());
        fact("Lines", String.valueOf(file.loc()));
        fact("Kind", (file.test() ? "test" : "source") + (file.generated() ? ", generated" : "") + ", " + file.language());
        fact("Owners", file.owners().isEmpty() ? "none known" : String.join(", ", file.owners()));
        section("Types (" + f.types().size() + ")");
        for (JavaType t : f.types()) {
            box.getChildren().add(wrapped(t.kind() + " " + t.name()));
        }
        edges("Uses (" + f.uses().size() + ")", f.uses(), true);
        edges("Used by (" + f.usedBy().size() + ")", f.usedBy(), false);
        section("External references (" + f.external().size() + ")");
        f.external().stream().limit(MAX_ROWS)
                .forEach((ExternalRef x) -> box.getChildren().add(wrapped(x.name() + "  ×" + x.weight())));
        if (!f.cycle().isEmpty()) {
            section("In a cycle of " + f.cycle().size() + " files");
            f.cycle().forEach(p -> box.getChildren().add(link(p)));
        }
        section("Parse errors (" + file.parseErrors().size() + ")");
        file.parseErrors().forEach(e -> box.getChildren().add(wrapped(e)));
    }

    private void edges(String title, List<Edge> edges, boolean out) {
        section(title);
        edges.stream().limit(MAX_ROWS).forEach(e -> {
            Hyperlink h = link(out ? e.to() : e.from());
            h.setText(h.getText() + "  ×" + e.weight());
            box.getChildren().add(h);
        });
        if (edges.size() > MAX_ROWS) {
            box.getChildren().add(muted("… " + (edges.size() - MAX_ROWS) + " more"));
        }
    }

    private void weights(String title, Map<String, Integer> weights) {
        section(title + " (" + weights.size() + ")");
        weights.forEach((k, v) -> box.getChildren().add(wrapped(k + "  ×" + v)));
    }

    private void fact(String name, String value) {
        Label l = wrapped(name + ": " + value);
        l.getStyleClass().add("details-fact");
        box.getChildren().add(l);
    }

    private void section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("details-section");
        box.getChildren().add(l);
    }

    private Hyperlink link(String path) {
        Hyperlink h = new Hyperlink(name(path));
        h.setOnAction(e -> onFile.accept(path));
        h.setTooltip(new Tooltip(path));
        return h;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static Label muted(String text) {
        Label l = wrapped(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
