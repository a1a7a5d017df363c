package dev.cofferdam.engine.trace.live;

import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceSession;
import java.util.List;

/**
 * Receives what a {@link TranscriptTailer} parsed. Called on the tailer's thread: re-post to a UI
 * thread and return quickly.
 */
public interface TailListener {
    /**
     * @param session the whole session as parsed so far
     * @param changed calls that are new, or whose result arrived, since the previous update
     */
    void updated(TraceSession session, List<ToolCall> changed);

    /** The file shrank or was replaced: parsing restarted from its beginning. */
    default void reset(String reason) {
    }

    /** The file disappeared; the last session stays valid. */
    default void gone() {
    }
}
