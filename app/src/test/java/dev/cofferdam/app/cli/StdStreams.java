package dev.cofferdam.app.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures {@code System.out} and {@code System.err} for each test (commands print there) and
 * puts them and {@code System.in} back after it. Register with {@code @RegisterExtension}.
 */
final class StdStreams implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private InputStream savedIn;

    @Override
    public void beforeEach(ExtensionContext context) {
        savedOut = System.out;
        savedErr = System.err;
        savedIn = System.in;
        reset();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.setIn(savedIn);
    }

    /** @return what was printed to standard output since the last reset */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return what was printed to standard error since the last reset */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed so far. */
    void reset() {
        out.reset();
        err.reset();
    }

    /** Makes {@code text} the standard input. */
    void input(String text) {
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
