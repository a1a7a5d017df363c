package dev.cofferdam.app.ui.workbench;

import dev.cofferdam.app.ui.graph.GraphView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Keyboard navigation of the workbench. */
final class WorkbenchKeys {
    private static final double PAN = 60;

    private final WorkbenchView view;
    private final WorkbenchViewModel vm;
    private final WorkbenchToolbar toolbar;

    WorkbenchKeys(WorkbenchView view, WorkbenchViewModel vm, WorkbenchToolbar toolbar) {
        this.view = view;
        this.vm = vm;
        this.toolbar = toolbar;
    }

    void install() {
        view.addEventFilter(KeyEvent.KEY_PRESSED, this::global);
        GraphView graph = view.graphView();
        graph.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case PLUS, ADD, EQUALS -> graph.zoom(1.2);
                case MINUS, SUBTRACT -> graph.zoom(1 / 1.2);
                case DIGIT0, NUMPAD0 -> graph.fit();
                case LEFT -> graph.pan(PAN, 0);
                case RIGHT -> graph.pan(-PAN, 0);
                case UP -> graph.pan(0, PAN);
                case DOWN -> graph.pan(0, -PAN);
                case ESCAPE -> vm.selection().clear();
                case N -> vm.selectNext(e.isShiftDown() ? -1 : 1);
                case P -> vm.selectNext(-1);
                case ENTER -> {
                    var selected = vm.selection().selectionProperty().get();
                    if (selected != null) {
                        vm.graph().open(selected.id());
                    }
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private void global(KeyEvent e) {
        if (new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN).match(e)) {
            view.chooseFolder();
        } else if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
            toolbar.search.requestFocus();
        } else if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN).match(e)) {
            view.copyContext();
        } else if (new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN).match(e)) {
            vm.graph().back();
        } else if (new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN).match(e)) {
            vm.graph().forward();
        } else if (new KeyCodeCombination(KeyCode.HOME, KeyCombination.ALT_DOWN).match(e)) {
            vm.graph().home();
        } else {
            return;
        }
        e.consume();
    }
}
