package dev.cofferdam.app.ui.terminal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Not a test: measures the terminal emulator. 1. parser + screen throughput without a window, on
 * the captured vim/top/bash/Ink output and on a scrolling flood ({@code seq}-like lines);
 * 2. in a real window (run under Xvfb with software rendering): a 64 MB flood written from a
 * background thread into a 200×50 view: time until shown, FX batches, frames, and the longest gap
 * between FX pulses meanwhile.
 * Usage: {@code java -Dprism.order=sw -cp "app/target/dist/lib/*:app/target/test-classes:app/target/classes"
 * dev.cofferdam.app.ui.terminal.TerminalBenchmark}
 */
public final class TerminalBenchmark {
    private static final int MB = 1024 * 1024;

    public static void main(String[] args) {
        headless("captured programs", captured(), 64 * MB);
        headless("scrolling lines", lines(), 64 * MB);
        Application.launch(Window.class, args);
    }

    private static byte[] captured() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String f : new String[] {"vim-long.bin", "top.bin", "bash-session.bin", "ink-box.bin", "less-long.bin"}) {
            out.writeBytes(Fixtures.bytes(f));
        }
        return out.toByteArray();
    }

    private static byte[] lines() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append("\033[32m").append(i).append("\033[0m a line of output like a build log prints\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] repeat(byte[] unit, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + unit.length);
        while (out.size() < size) {
            out.writeBytes(unit);
        }
        return out.toByteArray();
    }

    private static void headless(String what, byte[] unit, int size) {
        byte[] data = repeat(unit, size);
        for (int round = 0; round < 4; round++) {
            Terminal t = new Terminal(50, 200, b -> { });
            long start = System.nanoTime();
            for (int i = 0; i < data.length; i += 65536) {
                t.feed(data, i, Math.min(65536, data.length - i));
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s, round %d: %.0f MB in %.2f s = %.0f MB/s%n", what, round,
                    data.length / 1e6, s, data.length / 1e6 / s);
        }
    }

    /** The window part (a separate class: the JVM launcher refuses a main class that is an Application). */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            TerminalView view = new TerminalView();
            stage.setScene(new Scene(view, 200 * 7.9, 50 * 17.0));
            stage.show();
            byte[] data = repeat(lines(), 64 * MB);
            AtomicLong maxGap = new AtomicLong();
            AnimationTimer pulses = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        maxGap.accumulateAndGet(now - last, Math::max);
                    }
                    last = now;
                }
            };
            CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Platform.runLater(pulses::start);
                long start = System.nanoTime();
                for (int i = 0; i < data.length; i += 4096) {
                    view.output(data, i, Math.min(4096, data.length - i));
                }
                byte[] end = "\r\nEND-OF-FLOOD".getBytes(StandardCharsets.UTF_8);
                view.output(end, 0, end.length);
                while (!showsEnd(view)) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                double s = (System.nanoTime() - start) / 1e9;
                long frames = fx(view::frames);
                System.out.printf(Locale.ROOT, "window flood: %.0f MB in 4 KB chunks shown in %.2f s = %.0f MB/s, "
                                + "%d chunks, %d frames, longest gap between pulses %.0f ms, %dx%d cells%n",
                        data.length / 1e6, s, data.length / 1e6 / s, data.length / 4096, frames,
                        maxGap.get() / 1e6, view.terminal().screen().cols(), view.terminal().screen().rows());
                Platform.exit();
            });
        }
    }

    private static boolean showsEnd(TerminalView view) {
        return fx(() -> view.terminal().screen().text().endsWith("END-OF-FLOOD"));
    }

    private static <T> T fx(Callable<T> call) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(call.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
