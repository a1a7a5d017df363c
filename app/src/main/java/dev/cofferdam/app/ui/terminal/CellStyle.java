package dev.cofferdam.app.ui.terminal;

/**
 * The attributes of a cell: foreground and background colour and flags. Colours are encoded in
 * one int: {@link #DEFAULT_COLOR} for the terminal default, 0–255 for the xterm palette (0–15 the
 * ANSI colours), {@link #RGB} | 0xRRGGBB for truecolour. Immutable.
 *
 * @param fg    foreground colour
 * @param bg    background colour
 * @param flags {@link #BOLD}, {@link #DIM}, {@link #ITALIC}, {@link #UNDERLINE}, {@link #INVERSE},
 *              {@link #INVISIBLE}, {@link #STRIKE}
 */
public record CellStyle(int fg, int bg, int flags) {
    public static final int DEFAULT_COLOR = -1;
    public static final int RGB = 0x1000000;
    public static final int BOLD = 1;
    public static final int DIM = 2;
    public static final int ITALIC = 4;
    public static final int UNDERLINE = 8;
    public static final int INVERSE = 16;
    public static final int INVISIBLE = 32;
    public static final int STRIKE = 64;
    public static final CellStyle DEFAULT = new CellStyle(DEFAULT_COLOR, DEFAULT_COLOR, 0);

    public static int rgb(int r, int g, int b) {
        return RGB | (r & 0xff) << 16 | (g & 0xff) << 8 | b & 0xff;
    }

    public static boolean isRgb(int color) {
        return color >= RGB;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public CellStyle withFg(int color) {
        return new CellStyle(color, bg, flags);
    }

    public CellStyle withBg(int color) {
        return new CellStyle(fg, color, flags);
    }

    public CellStyle with(int flag, boolean on) {
        return new CellStyle(fg, bg, on ? flags | flag : flags & ~flag);
    }

    /** The style that erased cells get: only the background colour is kept (as xterm does). */
    public CellStyle erased() {
        return bg == DEFAULT_COLOR ? DEFAULT : new CellStyle(DEFAULT_COLOR, bg, 0);
    }
}
