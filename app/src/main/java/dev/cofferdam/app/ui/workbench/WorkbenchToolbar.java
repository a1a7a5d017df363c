package dev.cofferdam.app.ui.workbench;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The controls above the graph. Only creates and lays out; {@link WorkbenchView} wires them. */
final class WorkbenchToolbar extends ToolBar {
    final Button open = button("Open…", "Open a repository folder (Ctrl+O)");
    final MenuButton recent = new MenuButton("Recent");
    final Button back = button("◀", "Back (Alt+Left)");
    final Button forward = button("▶", "Forward (Alt+Right)");
    final Button home = button("Modules", "All modules (Alt+Home)");
    final Button fit = button("Fit", "Fit the graph to the window (0)");
    final Label crumb = new Label();
    final TextField search = new TextField();
    final MenuButton diff = new MenuButton("Diff");
    final MenuItem diffWorkingTree = new MenuItem("Uncommitted changes");
    final MenuItem diffRange = new MenuItem("Git range…");
    final ToggleButton dark = new ToggleButton("Dark");

    WorkbenchToolbar() {
        open.setId("open");
        recent.setId("recent");
        back.setId("back");
        forward.setId("forward");
        home.setId("home");
        fit.setId("fit");
        crumb.setId("crumb");
        crumb.getStyleClass().add("crumb");
        search.setId("search");
        search.setPromptText("Search files, types, modules (Ctrl+F)");
        search.setPrefColumnCount(26);
        diff.setId("diff");
        diffWorkingTree.setId("diff-working-tree");
        diffRange.setId("diff-range");
        diff.getItems().addAll(diffWorkingTree, diffRange);
        diff.setTooltip(new Tooltip("Blast radius of a change"));
        dark.setId("theme");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getItems().addAll(open, recent, new Separator(), back, forward, home, fit, crumb, grow, search, diff, dark);
    }

    private static Button button(String text, String tip) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
