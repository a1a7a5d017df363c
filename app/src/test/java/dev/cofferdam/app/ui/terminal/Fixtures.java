package dev.cofferdam.app.ui.terminal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real terminal output captured on a Linux host with {@code script -qfc "stty rows 24 cols 80; CMD" /dev/null}
 * under TERM=xterm-256color, keys fed to script's standard input: vim 9 ({@code vim -u NONE -N},
 * then {@code :q}), less, procps top, GNU ls --color, an interactive bash, and Node 20 running
 * ink-box.mjs (Ink 5, FORCE_COLOR=3); and a terminal fed with it that records the replies it sends.
 */
final class Fixtures {
    final Terminal terminal;
    final List<String> replies = new CopyOnWriteArrayList<>();

    Fixtures(int rows, int cols) {
        terminal = new Terminal(rows, cols, b -> replies.add(new String(b, StandardCharsets.US_ASCII)));
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes before the last occurrence of {@code marker} (to look at a screen before the program left it). */
    static byte[] before(byte[] data, String marker) {
        byte[] m = marker.getBytes(StandardCharsets.UTF_8);
        for (int i = data.length - m.length; i >= 0; i--) {
            if (Arrays.equals(data, i, i + m.length, m, 0, m.length)) {
                return Arrays.copyOf(data, i);
            }
        }
        throw new IllegalArgumentException("marker not in fixture: " + marker);
    }

    /** Feeds in chunks of {@code chunk} bytes, to cross sequence and UTF-8 boundaries. */
    Fixtures feed(byte[] data, int chunk) {
        for (int i = 0; i < data.length; i += chunk) {
            terminal.feed(data, i, Math.min(chunk, data.length - i));
        }
        return this;
    }

    Fixtures feed(String s) {
        terminal.feed(s.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Screen screen() {
        return terminal.screen();
    }

    String row(int y) {
        return screen().row(y).text();
    }

    static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
