package dev.cofferdam.engine;

/**
 * Receives progress of a long operation. Called from worker threads; implementations must be
 * thread-safe and fast (re-post to a UI thread, never block).
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * @param phase short human-readable name of the current phase ("scanning", "parsing", ...)
     * @param done  units done in this phase
     * @param total units in this phase, or -1 when unknown
     */
    void progress(String phase, long done, long total);
}
