package dev.cofferdam.app.ui.terminal;

import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The mouse of a {@link TerminalView}. When the program asked for mouse reports, presses,
 * releases, drags (1002/1003) and the wheel are reported to it, unless Shift is held; otherwise
 * dragging selects text, and the wheel scrolls back (on the alternate screen it sends arrow keys,
 * so full-screen programs scroll). Every press is consumed: a surrounding TabPane would take the
 * focus. FX thread only.
 */
final class TerminalMouse {
    private static final int WHEEL_ROWS = 3;

    private final TerminalView view;
    private int lastCol = -1;
    private int lastRow = -1;

    TerminalMouse(TerminalView view) {
        this.view = view;
    }

    private TerminalModes modes() {
        return view.terminal().screen().modes();
    }

    private boolean reporting(MouseEvent e) {
        return modes().mouseTracking() != 0 && !e.isShiftDown() && view.scrollBack() == 0;
    }

    void pressed(MouseEvent e) {
        view.requestFocus();
        if (reporting(e)) {
            report(e, button(e.getButton()), false);
        } else {
            view.startSelection(e.getX(), e.getY());
        }
        e.consume();
    }

    void dragged(MouseEvent e) {
        if (reporting(e)) {
            if (modes().mouseTracking() != 1000) {
                report(e, button(e.getButton()) + MouseEncoder.MOTION, false);
            }
        } else {
            view.extendSelection(e.getX(), e.getY());
        }
        e.consume();
    }

    void released(MouseEvent e) {
        if (reporting(e)) {
            report(e, button(e.getButton()), true);
        }
        e.consume();
    }

    void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        boolean up = e.getDeltaY() > 0;
        Screen s = view.terminal().screen();
        if (modes().mouseTracking() != 0 && !e.isShiftDown() && view.scrollBack() == 0) {
            int b = (up ? MouseEncoder.WHEEL_UP : MouseEncoder.WHEEL_DOWN)
                    + MouseEncoder.modifiers(false, e.isAltDown(), e.isControlDown());
            send(MouseEncoder.encode(b, false, view.colAt(e.getX()), view.viewRowAt(e.getY()), modes().sgrMouse()));
        } else if (s.altScreen()) {
            KeyCode arrow = up ? KeyCode.UP : KeyCode.DOWN;
            for (int i = 0; i < WHEEL_ROWS; i++) {
                send(KeyEncoder.pressed(arrow, false, false, false, modes().appCursorKeys()));
            }
        } else {
            view.scrollBy(up ? WHEEL_ROWS : -WHEEL_ROWS);
        }
        e.consume();
    }

    private void report(MouseEvent e, int button, boolean release) {
        if (button < 0) {
            return;
        }
        int col = view.colAt(e.getX());
        int row = view.viewRowAt(e.getY());
        boolean motion = (button & MouseEncoder.MOTION) != 0;
        if (motion && col == lastCol && row == lastRow) {
            return;
        }
        lastCol = col;
        lastRow = row;
        int b = button + MouseEncoder.modifiers(false, e.isAltDown(), e.isControlDown());
        send(MouseEncoder.encode(b, release, col, row, modes().sgrMouse()));
    }

    private static int button(MouseButton b) {
        return switch (b) {
            case PRIMARY -> MouseEncoder.LEFT;
            case MIDDLE -> MouseEncoder.MIDDLE;
            case SECONDARY -> MouseEncoder.RIGHT;
            default -> -1;
        };
    }

    private void send(byte[] bytes) {
        if (bytes != null) {
            view.send(bytes);
        }
    }
}
