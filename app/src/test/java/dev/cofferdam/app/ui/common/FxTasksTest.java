package dev.cofferdam.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.AnalysisException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FxTasksTest {
    private final List<String> events = new ArrayList<>();

    @Test
    void successThenFinally() {
        FxTasks.create(() -> 42)
                .onSuccess(v -> events.add("ok " + v))
                .onError(Exception.class, e -> events.add("error"))
                .andFinally(() -> events.add("finally"))
                .runOnce(UiThreads.direct());
        assertThat(events).containsExactly("ok 42", "finally");
    }

    @Test
    void firstMatchingErrorHandlerWins() {
        FxTasks.create(() -> {
            throw new AnalysisException("no such folder");
        })
                .onSuccess(v -> events.add("ok"))
                .onError(AnalysisException.class, e -> events.add("analysis: " + e.getMessage()))
                .onError(Exception.class, e -> events.add("generic"))
                .andFinally(() -> events.add("finally"))
                .runOnce(UiThreads.direct());
        assertThat(events).containsExactly("analysis: no such folder", "finally");
    }

    @Test
    void resultIsHandedToTheFxExecutorNotRunInline() {
        QueueExecutor fx = new QueueExecutor();
        FxTasks.create(() -> "x").onSuccess(events::add).runOnce(new UiThreads(Runnable::run, fx));
        assertThat(events).isEmpty();
        fx.runAll();
        assertThat(events).containsExactly("x");
    }

    @Test
    void cancelledTaskRunsNoHandler() {
        QueueExecutor background = new QueueExecutor();
        FxTasks.Handle handle = FxTasks.create(() -> "x")
                .onSuccess(events::add)
                .andFinally(() -> events.add("finally"))
                .runOnce(new UiThreads(background, Runnable::run));
        handle.cancel();
        background.runAll();
        assertThat(handle.isCancelled()).isTrue();
        assertThat(events).isEmpty();
    }
}
