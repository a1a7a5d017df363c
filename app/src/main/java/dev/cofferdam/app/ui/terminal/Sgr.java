package dev.cofferdam.app.ui.terminal;

/**
 * Select Graphic Rendition (CSI ... m): applies the parameters to a style. Handles bold, dim,
 * italic, underline, inverse, invisible, strike and their resets, the 8/16 ANSI colours, and
 * 256-colour and truecolour in both the semicolon ({@code 38;2;r;g;b}) and the colon
 * ({@code 38:2::r:g:b}) forms. Unknown parameters are ignored.
 */
final class Sgr {
    private Sgr() {
    }

    static CellStyle apply(CellStyle style, CsiParams p) {
        if (p.size() == 0) {
            return CellStyle.DEFAULT;
        }
        CellStyle s = style;
        int i = 0;
        while (i < p.size()) {
            int v = p.raw(i);
            int group = 1;
            while (p.colonBefore(i + group)) {
                group++;
            }
            if ((v == 38 || v == 48 || v == 58) && group == 1) {
                int[] used = new int[1];
                int color = extendedSemicolon(p, i + 1, used);
                s = setColor(s, v, color);
                i += 1 + used[0];
                continue;
            }
            if (v == 38 || v == 48 || v == 58) {
                s = setColor(s, v, extendedColon(p, i, group));
            } else {
                s = simple(s, v);
            }
            i += group;
        }
        return s;
    }

    private static CellStyle setColor(CellStyle s, int which, int color) {
        if (color == Integer.MIN_VALUE || which == 58) {
            return s;
        }
        return which == 38 ? s.withFg(color) : s.withBg(color);
    }

    /** 38;5;n or 38;2;r;g;b: returns the colour and how many parameters it took. */
    private static int extendedSemicolon(CsiParams p, int at, int[] used) {
        int kind = p.raw(at);
        if (kind == 5 && at + 1 < p.size()) {
            used[0] = 2;
            return Math.min(255, p.raw(at + 1));
        }
        if (kind == 2 && at + 3 < p.size()) {
            used[0] = 4;
            return CellStyle.rgb(p.raw(at + 1), p.raw(at + 2), p.raw(at + 3));
        }
        used[0] = Math.max(0, p.size() - at);
        return Integer.MIN_VALUE;
    }

    /** 38:5:n, 38:2:r:g:b or 38:2:colorspace:r:g:b. */
    private static int extendedColon(CsiParams p, int at, int group) {
        int kind = p.raw(at + 1);
        if (kind == 5 && group >= 3) {
            return Math.min(255, p.raw(at + 2));
        }
        if (kind == 2 && group >= 5) {
            int first = group >= 6 ? at + 3 : at + 2;
            return CellStyle.rgb(p.raw(first), p.raw(first + 1), p.raw(first + 2));
        }
        return Integer.MIN_VALUE;
    }

    private static CellStyle simple(CellStyle s, int v) {
        return switch (v) {
            case 0 -> CellStyle.DEFAULT;
            case 1 -> s.with(CellStyle.BOLD, true);
            case 2 -> s.with(CellStyle.DIM, true);
            case 3 -> s.with(CellStyle.ITALIC, true);
            case 4, 21 -> s.with(CellStyle.UNDERLINE, true);
            case 7 -> s.with(CellStyle.INVERSE, true);
            case 8 -> s.with(CellStyle.INVISIBLE, true);
            case 9 -> s.with(CellStyle.STRIKE, true);
            case 22 -> s.with(CellStyle.BOLD, false).with(CellStyle.DIM, false);
            case 23 -> s.with(CellStyle.ITALIC, false);
            case 24 -> s.with(CellStyle.UNDERLINE, false);
            case 27 -> s.with(CellStyle.INVERSE, false);
            case 28 -> s.with(CellStyle.INVISIBLE, false);
            case 29 -> s.with(CellStyle.STRIKE, false);
            case 39 -> s.withFg(CellStyle.DEFAULT_COLOR);
            case 49 -> s.withBg(CellStyle.DEFAULT_COLOR);
            default -> colors(s, v);
        };
    }

    private static CellStyle colors(CellStyle s, int v) {
        if (v >= 30 && v <= 37) {
            return s.withFg(v - 30);
        }
        if (v >= 40 && v <= 47) {
            return s.withBg(v - 40);
        }
        if (v >= 90 && v <= 97) {
            return s.withFg(v - 90 + 8);
        }
        if (v >= 100 && v <= 107) {
            return s.withBg(v - 100 + 8);
        }
        return s;
    }
}
