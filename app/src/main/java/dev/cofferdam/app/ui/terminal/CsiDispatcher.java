package dev.cofferdam.app.ui.terminal;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Carries out control sequences on the screen: cursor movement, erasing, inserting and deleting,
 * scrolling, margins, tab stops, modes, SGR, and the reports a program asks for (device
 * attributes, status, cursor position and text area size), whose replies go to {@code reply}. Unknown sequences
 * are ignored. Not thread-safe.
 */
final class CsiDispatcher {
    private final Screen screen;
    private final Consumer<byte[]> reply;

    CsiDispatcher(Screen screen, Consumer<byte[]> reply) {
        this.screen = screen;
        this.reply = reply;
    }

    void dispatch(CsiParams p) {
        if (!p.intermediates().isEmpty()) {
            intermediate(p);
        } else if (p.marker() == 0) {
            plain(p);
        } else if (p.marker() == '?') {
            privateMarked(p);
        } else if (p.marker() == '>' && p.finalChar() == 'c') {
            send("\033[>1;10;0c");
        }
    }

    private void plain(CsiParams p) {
        Screen s = screen;
        int n = p.arg(0, 1);
        switch (p.finalChar()) {
            case '@' -> s.edit().insertChars(n);
            case 'A' -> s.move().up(n);
            case 'B', 'e' -> s.move().down(n);
            case 'C', 'a' -> s.move().right(n);
            case 'D' -> s.move().left(n);
            case 'E' -> {
                s.move().down(n);
                s.move().carriageReturn();
            }
            case 'F' -> {
                s.move().up(n);
                s.move().carriageReturn();
            }
            case 'G', '`' -> s.move().toColumn(n - 1);
            case 'H', 'f' -> s.move().to(n - 1, p.arg(1, 1) - 1);
            case 'I' -> s.move().tab(n);
            case 'J' -> s.edit().eraseInDisplay(p.raw(0));
            case 'K' -> s.edit().eraseInLine(p.raw(0));
            case 'L' -> s.edit().insertLines(n);
            case 'M' -> s.edit().deleteLines(n);
            case 'P' -> s.edit().deleteChars(n);
            case 'S' -> s.edit().scrollUp(n);
            case 'T' -> s.edit().scrollDown(n);
            case 'X' -> s.edit().eraseChars(n);
            case 'Z' -> s.move().backTab(n);
            case 'b' -> s.repeat(n);
            case 'c' -> send("\033[?62;22c");
            case 'd' -> s.move().toRow(n - 1);
            case 'g' -> s.clearTabStop(p.raw(0));
            case 'h' -> ModeSwitch.apply(s, p, true);
            case 'l' -> ModeSwitch.apply(s, p, false);
            case 'm' -> s.setStyle(Sgr.apply(s.style(), p));
            case 'n' -> status(p.raw(0));
            case 'r' -> s.setScrollRegion(p.arg(0, 1) - 1, p.arg(1, s.rows()) - 1);
            case 's' -> s.saveCursor();
            case 't' -> {
                if (p.raw(0) == 18) {
                    send("\033[8;" + s.rows() + ";" + s.cols() + "t");
                }
            }
            case 'u' -> s.restoreCursor();
            default -> { }
        }
    }

    private void privateMarked(CsiParams p) {
        switch (p.finalChar()) {
            case 'h' -> ModeSwitch.apply(screen, p, true);
            case 'l' -> ModeSwitch.apply(screen, p, false);
            case 'J' -> screen.edit().eraseInDisplay(p.raw(0));
            case 'K' -> screen.edit().eraseInLine(p.raw(0));
            case 'n' -> {
                if (p.raw(0) == 6) {
                    send("\033[?" + (screen.move().reportRow() + 1) + ";" + (screen.cursorX() + 1) + "R");
                }
            }
            default -> { }
        }
    }

    private void intermediate(CsiParams p) {
        if (p.intermediates().equals("!") && p.finalChar() == 'p') {
            softReset();
        }
        // CSI Ps SP q (cursor shape) and the rest: nothing to do
    }

    private void softReset() {
        TerminalModes m = screen.modes();
        m.cursorVisible = true;
        m.insert = false;
        m.appCursorKeys = false;
        m.appKeypad = false;
        m.autowrap = true;
        screen.setOriginMode(false);
        screen.setStyle(CellStyle.DEFAULT);
        screen.setScrollRegion(0, screen.rows() - 1);
    }

    private void status(int what) {
        if (what == 5) {
            send("\033[0n");
        } else if (what == 6) {
            send("\033[" + (screen.move().reportRow() + 1) + ";" + (screen.cursorX() + 1) + "R");
        }
    }

    private void send(String s) {
        reply.accept(s.getBytes(StandardCharsets.US_ASCII));
    }
}
