package dev.cofferdam.app.ui.terminal;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The keyboard of a {@link TerminalView}: Ctrl+Shift+C/V copy and paste, Shift+PgUp/PgDn scroll
 * back, Shift+Insert pastes, everything else is encoded by {@link KeyEncoder} and sent. Keys the
 * terminal uses are consumed so that focus traversal and window shortcuts do not take them.
 * FX thread only.
 */
final class TerminalKeys {
    private final TerminalView view;

    TerminalKeys(TerminalView view) {
        this.view = view;
    }

    void pressed(KeyEvent e) {
        if (e.isShortcutDown() && e.isShiftDown() && (e.getCode() == KeyCode.C || e.getCode() == KeyCode.V)) {
            if (e.getCode() == KeyCode.C) {
                view.copy();
            } else {
                view.paste();
            }
            e.consume();
            return;
        }
        if (e.isShiftDown() && !e.isControlDown() && scrollKey(e.getCode())) {
            e.consume();
            return;
        }
        byte[] bytes = KeyEncoder.pressed(e.getCode(), e.isShiftDown(), e.isControlDown(), e.isAltDown(),
                view.terminal().screen().modes().appCursorKeys());
        if (bytes != null) {
            view.send(bytes);
        }
        if (bytes != null || e.getCode() == KeyCode.TAB || e.getCode().isArrowKey() || e.isControlDown()) {
            e.consume();
        }
    }

    private boolean scrollKey(KeyCode code) {
        int page = Math.max(1, view.terminal().screen().rows() - 1);
        switch (code) {
            case PAGE_UP -> view.scrollBy(page);
            case PAGE_DOWN -> view.scrollBy(-page);
            case INSERT -> view.paste();
            default -> {
                return false;
            }
        }
        return true;
    }

    void typed(KeyEvent e) {
        byte[] bytes = KeyEncoder.typed(e.getCharacter(), e.isControlDown(), e.isAltDown());
        if (bytes != null) {
            view.send(bytes);
        }
        e.consume();
    }
}
