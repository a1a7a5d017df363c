package dev.cofferdam.app.ui.terminal;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The colours of the terminal: default foreground and background, the 16 ANSI colours, the
 * 6×6×6 cube and the grey ramp of the xterm 256-colour palette, and truecolour. FX thread only.
 */
final class TerminalPalette {
    private static final int[] ANSI = {
        0x1e1e1e, 0xcd3131, 0x0dbc79, 0xe5e510, 0x2472c8, 0xbc3fbc, 0x11a8cd, 0xe5e5e5,
        0x666666, 0xf14c4c, 0x23d18b, 0xf5f543, 0x3b8eea, 0xd670d6, 0x29b8db, 0xffffff,
    };
    private static final int[] CUBE = {0, 95, 135, 175, 215, 255};

    private final Color[] indexed = new Color[256];
    private final Map<Integer, Color> rgb = new HashMap<>();
    private final Color foreground = hex(Terminal.DEFAULT_FG);
    private final Color background = hex(Terminal.DEFAULT_BG);
    private final Color cursor = Color.rgb(0xae, 0xaf, 0xad);
    private final Color selection = Color.rgb(0x26, 0x4f, 0x78);

    TerminalPalette() {
        for (int i = 0; i < 16; i++) {
            indexed[i] = hex(ANSI[i]);
        }
        for (int i = 16; i < 232; i++) {
            int n = i - 16;
            indexed[i] = Color.rgb(CUBE[n / 36], CUBE[n / 6 % 6], CUBE[n % 6]);
        }
        for (int i = 232; i < 256; i++) {
            int v = 8 + (i - 232) * 10;
            indexed[i] = Color.rgb(v, v, v);
        }
    }

    private static Color hex(int v) {
        return Color.rgb(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
    }

    /** A cell colour; {@code fg} picks the default for {@link CellStyle#DEFAULT_COLOR}. */
    Color color(int c, boolean fg) {
        if (c == CellStyle.DEFAULT_COLOR) {
            return fg ? foreground : background;
        }
        if (CellStyle.isRgb(c)) {
            return rgb.computeIfAbsent(c & 0xffffff, TerminalPalette::hex);
        }
        return indexed[c & 0xff];
    }

    /** The foreground of a style, bold ANSI colours 0–7 shown bright as xterm does, inverse applied. */
    Color foreground(CellStyle s) {
        int c = s.fg();
        if (s.has(CellStyle.BOLD) && c >= 0 && c < 8) {
            c += 8;
        }
        Color col = s.has(CellStyle.INVERSE) ? color(s.bg(), false) : color(c, true);
        return s.has(CellStyle.DIM) ? col.interpolate(background, 0.4) : col;
    }

    /** The background of a style, inverse applied; null for the default background. */
    Color background(CellStyle s) {
        if (s.has(CellStyle.INVERSE)) {
            return color(s.fg(), true);
        }
        return s.bg() == CellStyle.DEFAULT_COLOR ? null : color(s.bg(), false);
    }

    Color defaultBackground() {
        return background;
    }

    Color defaultForeground() {
        return foreground;
    }

    Color cursor() {
        return cursor;
    }

    Color selection() {
        return selection;
    }
}
