package dev.cofferdam.app.ui.terminal;

/**
 * The switchable modes of the terminal (SM/RM and DECSET/DECRST) that the screen, the keyboard
 * and the view consult. Fields are written by the screen's dispatchers only. Not thread-safe.
 */
public final class TerminalModes {
    boolean autowrap = true;
    boolean origin;
    boolean insert;
    boolean newline;
    boolean cursorVisible = true;
    boolean appCursorKeys;
    boolean appKeypad;
    boolean bracketedPaste;
    boolean reverseVideo;
    int mouseTracking;
    boolean sgrMouse;
    boolean focusEvents;

    void reset() {
        autowrap = true;
        origin = false;
        insert = false;
        newline = false;
        cursorVisible = true;
        appCursorKeys = false;
        appKeypad = false;
        bracketedPaste = false;
        reverseVideo = false;
        mouseTracking = 0;
        sgrMouse = false;
        focusEvents = false;
    }

    public boolean autowrap() {
        return autowrap;
    }

    public boolean cursorVisible() {
        return cursorVisible;
    }

    /** DECCKM: arrows send ESC O x instead of ESC [ x. */
    public boolean appCursorKeys() {
        return appCursorKeys;
    }

    public boolean appKeypad() {
        return appKeypad;
    }

    /** Mode 2004: pasted text is wrapped in ESC [200~ … ESC [201~. */
    public boolean bracketedPaste() {
        return bracketedPaste;
    }

    public boolean reverseVideo() {
        return reverseVideo;
    }

    /** The mouse tracking mode the program asked for (1000, 1002, 1003), 0 for none. */
    public int mouseTracking() {
        return mouseTracking;
    }

    /** Mode 1006: mouse reports in the SGR form. */
    public boolean sgrMouse() {
        return sgrMouse;
    }
}
