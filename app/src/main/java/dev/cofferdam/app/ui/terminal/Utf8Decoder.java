package dev.cofferdam.app.ui.terminal;

import java.util.function.IntConsumer;

/**
 * Decodes UTF-8 into code points, keeping a partial sequence across calls so that a character
 * split between two reads comes out whole. Malformed input becomes U+FFFD. Not thread-safe.
 */
final class Utf8Decoder {
    static final int REPLACEMENT = 0xFFFD;

    private int codePoint;
    private int needed;
    private int min;

    /** Decodes {@code len} bytes from {@code off}, handing each complete code point to {@code out}. */
    void decode(byte[] data, int off, int len, IntConsumer out) {
        for (int i = off; i < off + len; i++) {
            int b = data[i] & 0xff;
            if (needed > 0) {
                if ((b & 0xc0) == 0x80) {
                    codePoint = codePoint << 6 | b & 0x3f;
                    if (--needed == 0) {
                        out.accept(valid(codePoint) ? codePoint : REPLACEMENT);
                    }
                    continue;
                }
                needed = 0;
                out.accept(REPLACEMENT);
            }
            start(b, out);
        }
    }

    private void start(int b, IntConsumer out) {
        if (b < 0x80) {
            out.accept(b);
        } else if (b >= 0xc2 && b <= 0xdf) {
            begin(b & 0x1f, 1, 0x80);
        } else if (b >= 0xe0 && b <= 0xef) {
            begin(b & 0x0f, 2, 0x800);
        } else if (b >= 0xf0 && b <= 0xf4) {
            begin(b & 0x07, 3, 0x10000);
        } else {
            out.accept(REPLACEMENT);
        }
    }

    private void begin(int bits, int more, int minimum) {
        codePoint = bits;
        needed = more;
        min = minimum;
    }

    private boolean valid(int cp) {
        return cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
    }
}
