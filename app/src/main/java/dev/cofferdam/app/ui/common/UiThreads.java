package dev.cofferdam.app.ui.common;

import java.util.concurrent.Executor;

/**
 * The two executors a view model needs: one for engine work, one that runs on the FX thread.
 * Tests pass {@link #direct()} so that everything runs on the calling thread.
 *
 * @param background runs engine and vm calls, never the FX thread
 * @param fx         runs on the FX thread ({@code Platform::runLater} in the app)
 */
public record UiThreads(Executor background, Executor fx) {
    /** Both executors run the task at once on the calling thread. */
    public static UiThreads direct() {
        return new UiThreads(Runnable::run, Runnable::run);
    }
}
