package dev.cofferdam.app.ui.terminal;

/** What the {@link VtParser} recognises in the stream, in order. */
interface VtHandler {
    /** A printable character. */
    void print(int cp);

    /** A C0 control (BEL, BS, HT, LF, VT, FF, CR, SO, SI ...). */
    void execute(int control);

    /** ESC [intermediates] final, e.g. ESC 7, ESC ( 0, ESC # 8. */
    void escape(String intermediates, int finalChar);

    /** A control sequence: ESC [ ... final. */
    void csi(CsiParams params);

    /** An operating system command's text (ESC ] ... BEL or ST), e.g. "0;title". */
    void osc(String text);
}
