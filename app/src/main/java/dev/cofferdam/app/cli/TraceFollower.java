package dev.cofferdam.app.cli;

import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.live.TailListener;
import dev.cofferdam.engine.trace.live.TranscriptTailer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code trace show --follow}: prints each call as it appears and again when its status changes,
 * until the transcript is deleted or the thread is interrupted.
 */
final class TraceFollower implements TailListener {
    private final Path file;
    private final PrintWriter out;
    private final Map<Integer, String> printed = new HashMap<>();
    private final CountDownLatch done = new CountDownLatch(1);

    /** @param shown the session already printed: its calls are not printed again unless they change */
    TraceFollower(Path file, TraceSession shown, PrintWriter out) {
        this.file = file;
        this.out = out;
        shown.calls().forEach(c -> printed.put(c.seq(), TraceShowCommand.status(c)));
    }

    /** Blocks until the file is deleted or the thread is interrupted. */
    void run() throws InterruptedException {
        try (TranscriptTailer tailer = new TranscriptTailer(file, this, TranscriptTailer.DEFAULT_INTERVAL)) {
            tailer.start();
            done.await();
        }
    }

    @Override
    public synchronized void updated(TraceSession session, List<ToolCall> changed) {
        for (ToolCall c : changed) {
            String status = TraceShowCommand.status(c);
            if (!status.equals(printed.put(c.seq(), status))) {
                TraceShowCommand.printCall(c, out);
            }
        }
        out.flush();
    }

    @Override
    public synchronized void reset(String reason) {
        printed.clear();
        out.println("-- transcript " + reason + "; reading it again");
        out.flush();
    }

    @Override
    public void gone() {
        synchronized (this) {
            out.println("-- transcript deleted");
            out.flush();
        }
        done.countDown();
    }
}
