package dev.cofferdam.app.ui.terminal;

/**
 * SM/RM (CSI h/l) and DECSET/DECRST (CSI ? h/l): switches modes on the screen. Modes it does not
 * know are ignored, as xterm does.
 */
final class ModeSwitch {
    private ModeSwitch() {
    }

    static void apply(Screen screen, CsiParams p, boolean on) {
        for (int i = 0; i < p.size(); i++) {
            if (p.marker() == '?') {
                decPrivate(screen, p.raw(i), on);
            } else if (p.marker() == 0) {
                ansi(screen.modes(), p.raw(i), on);
            }
        }
    }

    private static void ansi(TerminalModes m, int mode, boolean on) {
        switch (mode) {
            case 4 -> m.insert = on;
            case 20 -> m.newline = on;
            default -> { }
        }
    }

    private static void decPrivate(Screen screen, int mode, boolean on) {
        TerminalModes m = screen.modes();
        switch (mode) {
            case 1 -> m.appCursorKeys = on;
            case 5 -> m.reverseVideo = on;
            case 6 -> screen.setOriginMode(on);
            case 7 -> m.autowrap = on;
            case 25 -> m.cursorVisible = on;
            case 47 -> screen.useAltScreen(on, false);
            case 1047 -> screen.useAltScreen(on, on);
            case 1048 -> saveOrRestore(screen, on);
            case 1049 -> altWithCursor(screen, on);
            case 66 -> m.appKeypad = on;
            case 1000, 1002, 1003 -> m.mouseTracking = on ? mode : 0;
            case 1004 -> m.focusEvents = on;
            case 1006 -> m.sgrMouse = on;
            case 2004 -> m.bracketedPaste = on;
            default -> { }
        }
    }

    private static void saveOrRestore(Screen screen, boolean save) {
        if (save) {
            screen.saveCursor();
        } else {
            screen.restoreCursor();
        }
    }

    /** 1049: save the cursor and switch to a cleared alternate screen; back: main screen, cursor restored. */
    private static void altWithCursor(Screen screen, boolean on) {
        if (on) {
            if (!screen.altScreen()) {
                screen.saveCursor();
                screen.useAltScreen(true, true);
            }
        } else if (screen.altScreen()) {
            screen.useAltScreen(false, false);
            screen.restoreCursor();
        }
    }
}
