package dev.cofferdam.app.ui.terminal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A terminal emulator without a user interface: bytes from a program go in through
 * {@link #feed}, the {@link Screen} shows the result, and replies the program asked for (cursor
 * position reports, device attributes) go back through the reply callback. Not thread-safe: feed
 * it from one thread (the view does so on the FX thread).
 */
public final class Terminal implements VtHandler {
    /** The default foreground colour (0xRRGGBB), reported to programs that ask (OSC 10). */
    public static final int DEFAULT_FG = 0xd4d4d4;
    /** The default background colour (0xRRGGBB), reported to programs that ask (OSC 11). */
    public static final int DEFAULT_BG = 0x1a1b1e;

    private final Screen screen;
    private final VtParser parser = new VtParser(this);
    private final CsiDispatcher csi;
    private final Consumer<byte[]> reply;
    private Consumer<String> onTitle = t -> { };
    private Runnable onBell = () -> { };
    private String title = "";

    /** @param reply receives bytes to write to the program's input (reports); called while feeding */
    public Terminal(int rows, int cols, Consumer<byte[]> reply) {
        this.screen = new Screen(rows, cols);
        this.reply = Objects.requireNonNull(reply);
        this.csi = new CsiDispatcher(screen, reply);
    }

    public Screen screen() {
        return screen;
    }

    public String title() {
        return title;
    }

    public void setOnTitle(Consumer<String> handler) {
        this.onTitle = Objects.requireNonNull(handler);
    }

    public void setOnBell(Runnable handler) {
        this.onBell = Objects.requireNonNull(handler);
    }

    /** Processes program output; sequences split across calls are completed by the next call. */
    public void feed(byte[] data, int off, int len) {
        parser.feed(data, off, len);
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    public void resize(int rows, int cols) {
        screen.resize(rows, cols);
    }

    @Override
    public void print(int cp) {
        screen.print(cp);
    }

    @Override
    public void execute(int control) {
        switch (control) {
            case 0x07 -> onBell.run();
            case 0x08 -> screen.move().backspace();
            case 0x09 -> screen.move().tab(1);
            case 0x0a, 0x0b, 0x0c -> screen.move().lineFeed();
            case 0x0d -> screen.move().carriageReturn();
            case 0x0e -> screen.cursor().shiftTo(1);
            case 0x0f -> screen.cursor().shiftTo(0);
            default -> { }
        }
    }

    @Override
    public void escape(String intermediates, int finalChar) {
        if (intermediates.isEmpty()) {
            plainEscape(finalChar);
        } else if (intermediates.equals("#") && finalChar == '8') {
            screen.alignmentTest();
        } else if (intermediates.equals("(") || intermediates.equals(")")) {
            screen.cursor().designate(intermediates.equals("(") ? 0 : 1, finalChar == '0');
        }
    }

    private void plainEscape(int c) {
        switch (c) {
            case '7' -> screen.saveCursor();
            case '8' -> screen.restoreCursor();
            case 'D' -> screen.move().index();
            case 'E' -> {
                screen.move().index();
                screen.move().carriageReturn();
            }
            case 'H' -> screen.setTabStop();
            case 'M' -> screen.move().reverseIndex();
            case 'c' -> screen.reset();
            case '=' -> screen.modes().appKeypad = true;
            case '>' -> screen.modes().appKeypad = false;
            default -> { }
        }
    }

    @Override
    public void csi(CsiParams params) {
        csi.dispatch(params);
    }

    @Override
    public void osc(String text) {
        int semi = text.indexOf(';');
        String code = semi < 0 ? text : text.substring(0, semi);
        String arg = semi < 0 ? "" : text.substring(semi + 1);
        if ((code.equals("0") || code.equals("2")) && semi >= 0) {
            title = arg;
            onTitle.accept(title);
        } else if ((code.equals("10") || code.equals("11")) && arg.equals("?")) {
            int c = code.equals("10") ? DEFAULT_FG : DEFAULT_BG;
            String rgb = String.format("rgb:%1$02x%1$02x/%2$02x%2$02x/%3$02x%3$02x", c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff);
            reply.accept(("\033]" + code + ";" + rgb + "\033\\").getBytes(StandardCharsets.US_ASCII));
        }
    }
}
