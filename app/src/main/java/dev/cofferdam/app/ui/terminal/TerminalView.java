package dev.cofferdam.app.ui.terminal;

import java.util.BitSet;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * A terminal on a canvas: shows a {@link Terminal}'s screen, sends keys, pastes and the
 * terminal's replies to {@link #setOnInput}, takes program output from any thread through
 * {@link #output} (batched onto the FX thread by an {@link OutputFeed}), fits rows and columns
 * to its size and reports the first size and then changes through {@link #setOnResize} once
 * resizing pauses.
 * Only changed rows are drawn. Keys: {@link TerminalKeys}; mouse (selection, wheel, reports to
 * programs that ask): {@link TerminalMouse}.
 * FX thread only, except {@link #output}.
 */
public final class TerminalView extends Region {
    /** Receives the new size in cells. */
    @FunctionalInterface
    public interface ResizeListener {
        void resized(int rows, int cols);
    }

    private final Canvas canvas = new Canvas();
    private final Terminal terminal;
    private final TerminalPainter painter = new TerminalPainter(CellMetrics.of(13));
    private final Selection selection = new Selection();
    private final OutputFeed feed;
    private final PauseTransition resizePause = new PauseTransition(Duration.millis(150));
    private Consumer<byte[]> onInput = b -> { };
    private ResizeListener onResize = (r, c) -> { };
    private int scrollBack;
    private boolean fullRedraw = true;
    private boolean sized;
    private int lastCursorRow = -1;
    private long frames;

    public TerminalView() {
        getStyleClass().add("terminal-view");
        terminal = new Terminal(24, 80, bytes -> onInput.accept(bytes));
        feed = new OutputFeed(Platform::runLater, this::consume);
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(80, 40);
        setPrefSize(80 * painter.metrics().width(), 24 * painter.metrics().height());
        resizePause.setOnFinished(e -> onResize.resized(terminal.screen().rows(), terminal.screen().cols()));
        TerminalKeys keys = new TerminalKeys(this);
        addEventHandler(KeyEvent.KEY_PRESSED, keys::pressed);
        addEventHandler(KeyEvent.KEY_TYPED, keys::typed);
        TerminalMouse mouse = new TerminalMouse(this);
        addEventHandler(MouseEvent.MOUSE_PRESSED, mouse::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, mouse::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, mouse::released);
        addEventHandler(ScrollEvent.SCROLL, mouse::scrolled);
        focusedProperty().addListener((o, was, now) -> redrawAll());
    }

    public Terminal terminal() {
        return terminal;
    }

    /** Where keys, pastes and the terminal's replies go (bytes for the program's input). */
    public void setOnInput(Consumer<byte[]> handler) {
        this.onInput = Objects.requireNonNull(handler);
    }

    public void setOnResize(ResizeListener handler) {
        this.onResize = Objects.requireNonNull(handler);
    }

    /** Any thread: program output to show. */
    public void output(byte[] data, int off, int len) {
        feed.offer(data, off, len);
    }

    /** Frames drawn so far (for tests and benchmarks). */
    public long frames() {
        return frames;
    }

    /** Rows currently scrolled back into the scrollback (0: following the output). */
    public int scrollBack() {
        return scrollBack;
    }

    /** The selected text, empty when nothing is selected. */
    public String selectedText() {
        return selection.text(terminal.screen());
    }

    /** Releases a program-output writer waiting for the FX thread. */
    public void dispose() {
        feed.close();
    }

    private void consume(byte[] batch) {
        long before = terminal.screen().firstRowNumber();
        terminal.feed(batch);
        if (scrollBack > 0) {
            long added = terminal.screen().firstRowNumber() - before;
            scrollBack = (int) Math.min(terminal.screen().scrollbackSize(), scrollBack + added);
        }
        paint();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
            CellMetrics m = painter.metrics();
            int rows = m.rows(h);
            int cols = m.cols(w);
            Screen s = terminal.screen();
            boolean collapsed = w < 2 * m.width() || h < m.height();
            if (!collapsed && (rows != s.rows() || cols != s.cols() || !sized)) {
                sized = true;
                terminal.resize(rows, cols);
                scrollBack = Math.min(scrollBack, s.scrollbackSize());
                resizePause.playFromStart();
            }
            redrawAll();
        }
    }

    private void redrawAll() {
        fullRedraw = true;
        paint();
    }

    /** Draws the rows that changed (all of them after a resize, a scroll or a focus change). */
    private void paint() {
        Screen s = terminal.screen();
        BitSet dirty = s.takeDirty();
        int cursorRow = s.cursorY() + scrollBack;
        if (lastCursorRow >= 0) {
            dirty.set(Math.min(lastCursorRow, s.rows() - 1));
        }
        dirty.set(Math.min(cursorRow, s.rows() - 1));
        if (fullRedraw || scrollBack > 0 || selection.active()) {
            dirty.set(0, s.rows());
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        boolean showCursor = s.modes().cursorVisible() && cursorRow < s.rows();
        long base = s.firstRowNumber();
        for (int vy = dirty.nextSetBit(0); vy >= 0 && vy < s.rows(); vy = dirty.nextSetBit(vy + 1)) {
            int y = vy - scrollBack;
            int cursorCol = showCursor && vy == cursorRow ? s.cursorX() : -1;
            painter.paintRow(g, vy, s.line(y), base + y, selection, cursorCol, isFocused(), canvas.getWidth());
        }
        double bottom = s.rows() * painter.metrics().height();
        if (fullRedraw && bottom < canvas.getHeight()) {
            g.setFill(painter.palette().defaultBackground());
            g.fillRect(0, bottom, canvas.getWidth(), canvas.getHeight() - bottom);
        }
        if (scrollBack > 0) {
            painter.paintScrollNote(g, "\u2191 " + scrollBack + " of " + s.scrollbackSize() + " lines back", canvas.getWidth());
        }
        lastCursorRow = cursorRow < s.rows() ? cursorRow : -1;
        fullRedraw = false;
        frames++;
    }

    /** Sends bytes for the program, following the output again if scrolled back. */
    void send(byte[] bytes) {
        if (scrollBack > 0) {
            scrollBack = 0;
            redrawAll();
        }
        onInput.accept(bytes);
    }

    /** Copies the selection to the system clipboard. */
    public void copy() {
        String text = selectedText();
        if (!text.isEmpty()) {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        }
    }

    /** Sends the clipboard's text as a paste (bracketed when the program asked for it). */
    public void paste() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text != null && !text.isEmpty()) {
            send(KeyEncoder.paste(text, terminal.screen().modes().bracketedPaste()));
        }
    }

    void startSelection(double x, double y) {
        boolean hadSelection = selection.active();
        selection.start(rowAt(y), colAt(x));
        if (hadSelection) {
            redrawAll();
        }
    }

    void extendSelection(double x, double y) {
        selection.extend(rowAt(y), colAt(x));
        redrawAll();
    }

    /** The view row (0 at the top) under a y coordinate, clamped to the screen. */
    int viewRowAt(double y) {
        return Math.max(0, Math.min(terminal.screen().rows() - 1, (int) (y / painter.metrics().height())));
    }

    private long rowAt(double y) {
        return terminal.screen().firstRowNumber() + viewRowAt(y) - scrollBack;
    }

    /** The column under an x coordinate, clamped to the screen. */
    int colAt(double x) {
        return Math.max(0, Math.min(terminal.screen().cols() - 1, (int) (x / painter.metrics().width())));
    }

    /** Scrolls the view back (positive) or forward into the scrollback. */
    public void scrollBy(int rows) {
        int next = Math.max(0, Math.min(terminal.screen().scrollbackSize(), scrollBack + rows));
        if (next != scrollBack) {
            scrollBack = next;
            redrawAll();
        }
    }
}
