package dev.cofferdam.app.ui.terminal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import javafx.scene.input.KeyCode;

/**
 * Turns keys into the bytes an xterm sends: Enter CR, Backspace DEL, Tab, Esc, the cursor keys
 * (ESC O x in application cursor mode, else ESC [ x; with modifiers ESC [ 1 ; m x), Home/End,
 * PgUp/PgDn, Insert/Delete, F1–F12, Ctrl+letter as control codes and Alt as an ESC prefix.
 * Uses only JavaFX's {@link KeyCode} enum, so it runs without a toolkit. Stateless.
 */
public final class KeyEncoder {
    private static final Map<KeyCode, String> TILDE = Map.ofEntries(
            Map.entry(KeyCode.INSERT, "2"), Map.entry(KeyCode.DELETE, "3"),
            Map.entry(KeyCode.PAGE_UP, "5"), Map.entry(KeyCode.PAGE_DOWN, "6"),
            Map.entry(KeyCode.F5, "15"), Map.entry(KeyCode.F6, "17"), Map.entry(KeyCode.F7, "18"),
            Map.entry(KeyCode.F8, "19"), Map.entry(KeyCode.F9, "20"), Map.entry(KeyCode.F10, "21"),
            Map.entry(KeyCode.F11, "23"), Map.entry(KeyCode.F12, "24"));
    private static final Map<KeyCode, Character> SS3 = Map.of(
            KeyCode.UP, 'A', KeyCode.DOWN, 'B', KeyCode.RIGHT, 'C', KeyCode.LEFT, 'D',
            KeyCode.HOME, 'H', KeyCode.END, 'F',
            KeyCode.F1, 'P', KeyCode.F2, 'Q', KeyCode.F3, 'R', KeyCode.F4, 'S');

    private KeyEncoder() {
    }

    /**
     * The bytes for a pressed key that is not plain text, or null when the typed character
     * (see {@link #typed}) should be sent instead.
     */
    public static byte[] pressed(KeyCode code, boolean shift, boolean ctrl, boolean alt, boolean appCursor) {
        int mod = 1 + (shift ? 1 : 0) + (alt ? 2 : 0) + (ctrl ? 4 : 0);
        String s = switch (code) {
            case ENTER -> alt ? "\033\r" : "\r";
            case BACK_SPACE -> ctrl ? "\b" : alt ? "\033\177" : "\177";
            case TAB -> shift ? "\033[Z" : "\t";
            case ESCAPE -> "\033";
            default -> special(code, mod, appCursor);
        };
        if (s == null && ctrl && !shift) {
            s = control(code, alt);
        }
        return s == null ? null : s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String special(KeyCode code, int mod, boolean appCursor) {
        Character ss3 = SS3.get(code);
        if (ss3 != null) {
            boolean function = code.isFunctionKey();
            if (mod > 1) {
                return "\033[1;" + mod + ss3;
            }
            return (function || appCursor ? "\033O" : "\033[") + ss3;
        }
        String num = TILDE.get(code);
        if (num != null) {
            return "\033[" + num + (mod > 1 ? ";" + mod : "") + "~";
        }
        return null;
    }

    /** Ctrl+letter → 1–26; Ctrl+Space/@ → NUL; Ctrl+[ \ ] ^ _ → 27–31. */
    private static String control(KeyCode code, boolean alt) {
        int c = -1;
        if (code.isLetterKey()) {
            c = code.getCode() - 'A' + 1;
        } else {
            switch (code) {
                case SPACE, DIGIT2, AT -> c = 0;
                case OPEN_BRACKET, DIGIT3 -> c = 27;
                case BACK_SLASH, DIGIT4 -> c = 28;
                case CLOSE_BRACKET, DIGIT5 -> c = 29;
                case DIGIT6, CIRCUMFLEX -> c = 30;
                case MINUS, UNDERSCORE, DIGIT7, SLASH -> c = 31;
                case DIGIT8 -> c = 127;
                default -> { }
            }
        }
        if (c < 0) {
            return null;
        }
        return (alt ? "\033" : "") + (char) c;
    }

    /**
     * The bytes for typed text (a KEY_TYPED event's character), or null for none: control
     * characters are left to {@link #pressed}; Alt adds an ESC prefix.
     */
    public static byte[] typed(String text, boolean ctrl, boolean alt) {
        if (text == null || text.isEmpty() || ctrl && !alt) {
            return null;
        }
        int cp = text.codePointAt(0);
        if (cp < 0x20 || cp == 0x7f) {
            return null;
        }
        return ((alt && !ctrl ? "\033" : "") + text).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Pasted text: line breaks become CR (as typed Enter), and with bracketed paste mode the text
     * is wrapped in ESC [200~ … ESC [201~ (an end marker inside the text is removed, so the
     * text cannot end the paste early).
     */
    public static byte[] paste(String text, boolean bracketed) {
        String t = text.replace("\r\n", "\r").replace('\n', '\r');
        if (bracketed) {
            t = "\033[200~" + t.replace("\033[201~", "") + "\033[201~";
        }
        return t.getBytes(StandardCharsets.UTF_8);
    }
}
