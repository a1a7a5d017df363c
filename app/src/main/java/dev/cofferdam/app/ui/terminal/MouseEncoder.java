package dev.cofferdam.app.ui.terminal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Mouse reports for programs that ask for them (DECSET 1000/1002/1003): SGR form
 * ({@code ESC [ < b ; col ; row M/m}, mode 1006) or the classic one ({@code ESC [ M} and three
 * bytes, coordinates up to 223). Button numbers: 0 left, 1 middle, 2 right, 64/65 wheel up/down;
 * +32 for motion, +4 Shift, +8 Alt, +16 Ctrl. Stateless.
 */
public final class MouseEncoder {
    public static final int LEFT = 0;
    public static final int MIDDLE = 1;
    public static final int RIGHT = 2;
    public static final int WHEEL_UP = 64;
    public static final int WHEEL_DOWN = 65;
    public static final int MOTION = 32;

    private MouseEncoder() {
    }

    /**
     * @param button  the button number with the motion and modifier bits added
     * @param release whether the button was released
     * @param col     0-based column
     * @param row     0-based row
     * @param sgr     SGR form (mode 1006)
     * @return the report, or null when the classic form cannot express the position
     */
    public static byte[] encode(int button, boolean release, int col, int row, boolean sgr) {
        if (sgr) {
            return ("\033[<" + button + ";" + (col + 1) + ";" + (row + 1) + (release ? "m" : "M"))
                    .getBytes(StandardCharsets.US_ASCII);
        }
        if (col > 222 || row > 222) {
            return null;
        }
        int b = release && button < WHEEL_UP ? 3 | button & ~3 : button;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("\033[M".getBytes(StandardCharsets.US_ASCII));
        out.write(32 + b);
        out.write(32 + col + 1);
        out.write(32 + row + 1);
        return out.toByteArray();
    }

    /** The modifier bits for a report. */
    public static int modifiers(boolean shift, boolean alt, boolean ctrl) {
        return (shift ? 4 : 0) | (alt ? 8 : 0) | (ctrl ? 16 : 0);
    }
}
