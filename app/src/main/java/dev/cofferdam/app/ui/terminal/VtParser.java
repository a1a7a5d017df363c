package dev.cofferdam.app.ui.terminal;

import java.util.Arrays;

/**
 * Splits a terminal output stream into printable characters, controls and escape sequences
 * (a state machine after the DEC VT500 parser): UTF-8 is decoded across chunk boundaries, C0
 * controls act even inside a sequence, CAN/SUB abort one, DCS/SOS/PM/APC strings are skipped, and
 * anything malformed is dropped without disturbing what follows. Not thread-safe.
 */
final class VtParser {
    private static final int MAX_PARAMS = 32;
    private static final int MAX_PARAM_VALUE = 65_535;
    private static final int MAX_OSC = 4_096;

    private enum State { GROUND, ESCAPE, ESCAPE_INTERMEDIATE, CSI, CSI_IGNORE, OSC, SKIP_STRING }

    private final VtHandler handler;
    private final Utf8Decoder utf8 = new Utf8Decoder();
    private final StringBuilder intermediates = new StringBuilder();
    private final StringBuilder osc = new StringBuilder();
    private final int[] values = new int[MAX_PARAMS];
    private final boolean[] colon = new boolean[MAX_PARAMS];
    private State state = State.GROUND;
    private int count;
    private int marker;
    private boolean escInString;

    VtParser(VtHandler handler) {
        this.handler = handler;
    }

    void feed(byte[] data, int off, int len) {
        utf8.decode(data, off, len, this::accept);
    }

    void accept(int c) {
        if (c == 0x18 || c == 0x1a) {
            state = State.GROUND;
            return;
        }
        switch (state) {
            case OSC -> oscChar(c);
            case SKIP_STRING -> skipChar(c);
            default -> {
                if (c == 0x1b) {
                    enterEscape();
                } else if (c < 0x20) {
                    handler.execute(c);
                } else if (c == 0x7f) {
                    return;
                } else {
                    dispatchChar(c);
                }
            }
        }
    }

    private void dispatchChar(int c) {
        switch (state) {
            case GROUND -> {
                if (c < 0x80 || c > 0x9f) {
                    handler.print(c);
                }
            }
            case ESCAPE -> escapeChar(c);
            case ESCAPE_INTERMEDIATE -> escapeIntermediate(c);
            case CSI -> csiChar(c);
            case CSI_IGNORE -> {
                if (c >= 0x40 && c <= 0x7e) {
                    state = State.GROUND;
                }
            }
            default -> state = State.GROUND;
        }
    }

    private void enterEscape() {
        state = State.ESCAPE;
        intermediates.setLength(0);
    }

    private void escapeChar(int c) {
        switch (c) {
            case '[' -> {
                state = State.CSI;
                count = 0;
                marker = 0;
                values[0] = -1;
                colon[0] = false;
            }
            case ']' -> {
                state = State.OSC;
                osc.setLength(0);
                escInString = false;
            }
            case 'P', 'X', '^', '_' -> {
                state = State.SKIP_STRING;
                escInString = false;
            }
            default -> escapeIntermediate(c);
        }
    }

    private void escapeIntermediate(int c) {
        if (c >= 0x20 && c <= 0x2f) {
            intermediates.append((char) c);
            state = State.ESCAPE_INTERMEDIATE;
        } else {
            state = State.GROUND;
            if (c >= 0x30 && c <= 0x7e) {
                handler.escape(intermediates.toString(), c);
            }
        }
    }

    private void csiChar(int c) {
        if (c >= '0' && c <= '9') {
            int v = Math.max(0, values[count]);
            values[count] = Math.min(MAX_PARAM_VALUE, v * 10 + (c - '0'));
        } else if (c == ';' || c == ':') {
            if (count + 1 >= MAX_PARAMS) {
                state = State.CSI_IGNORE;
                return;
            }
            count++;
            values[count] = -1;
            colon[count] = c == ':';
        } else if (c >= '<' && c <= '?') {
            if (count == 0 && values[0] == -1 && marker == 0 && intermediates.length() == 0) {
                marker = c;
            } else {
                state = State.CSI_IGNORE;
            }
        } else if (c >= 0x20 && c <= 0x2f) {
            intermediates.append((char) c);
        } else if (c >= 0x40 && c <= 0x7e) {
            state = State.GROUND;
            int n = count == 0 && values[0] == -1 ? 0 : count + 1;
            int[] v = Arrays.copyOf(values, n);
            boolean[] k = Arrays.copyOf(colon, n);
            handler.csi(new CsiParams(marker, v, k, intermediates.toString(), c));
        } else {
            state = State.CSI_IGNORE;
        }
    }

    private void oscChar(int c) {
        if (escInString) {
            escInString = false;
            handler.osc(osc.toString());
            enterEscape();
            if (c != '\\') {
                accept(c);
            } else {
                state = State.GROUND;
            }
        } else if (c == 0x07 || c == 0x9c) {
            state = State.GROUND;
            handler.osc(osc.toString());
        } else if (c == 0x1b) {
            escInString = true;
        } else if (c >= 0x20 && osc.length() < MAX_OSC) {
            osc.appendCodePoint(c);
        }
    }

    private void skipChar(int c) {
        if (escInString) {
            escInString = false;
            enterEscape();
            if (c != '\\') {
                accept(c);
            } else {
                state = State.GROUND;
            }
        } else if (c == 0x1b) {
            escInString = true;
        } else if (c == 0x9c) {
            state = State.GROUND;
        }
    }
}
