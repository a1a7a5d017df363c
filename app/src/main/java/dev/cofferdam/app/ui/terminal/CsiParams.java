package dev.cofferdam.app.ui.terminal;

import java.util.Arrays;

/**
 * The parts of one control sequence: the private marker ({@code ?}, {@code >}, {@code <},
 * {@code =} or 0), the numeric parameters (-1 where left empty), which of them were joined to
 * the previous one by a colon (sub-parameters, as in {@code 38:2::r:g:b}), the intermediate
 * characters and the final character. Immutable.
 */
record CsiParams(int marker, int[] values, boolean[] colon, String intermediates, int finalChar) {
    CsiParams {
        values = values.clone();
        colon = colon.clone();
    }

    int size() {
        return values.length;
    }

    /** Parameter {@code i}, or {@code def} when absent, empty or 0 (VT defaults: CSI 0 A moves one row). */
    int arg(int i, int def) {
        int v = i < values.length ? values[i] : -1;
        return v <= 0 ? def : v;
    }

    /** Parameter {@code i} as given, 0 when absent or empty. */
    int raw(int i) {
        return i < values.length ? Math.max(0, values[i]) : 0;
    }

    boolean colonBefore(int i) {
        return i < colon.length && colon[i];
    }

    @Override
    public String toString() {
        return "CSI " + (marker == 0 ? "" : (char) marker) + Arrays.toString(values) + intermediates + (char) finalChar;
    }
}
