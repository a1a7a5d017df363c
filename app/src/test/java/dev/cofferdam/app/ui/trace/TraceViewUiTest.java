package dev.cofferdam.app.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.common.NamedExecutors;
import dev.cofferdam.app.ui.common.SceneFactory;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.engine.trace.SessionRef;
import dev.cofferdam.engine.trace.SessionRoots;
import dev.cofferdam.engine.trace.detect.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Trace view in a real (headless) window: open a real transcript, click a finding, follow live. */
@ExtendWith(ApplicationExtension.class)
class TraceViewUiTest {
    @TempDir
    static Path dir;

    private final ExecutorService workers = NamedExecutors.cached("test-trace-worker");
    private TraceViewModel vm;
    private TraceView view;

    @Start
    void start(Stage stage) {
        UiThreads threads = new UiThreads(workers, Platform::runLater);
        TraceLibrary lib = new TraceLibrary(new SessionRoots(dir.resolve("c"), dir.resolve("x"), dir.resolve("g")),
                dir.resolve("data"), false);
        vm = new TraceViewModel(threads, lib, () -> null, Thresholds.DEFAULTS, Duration.ofMillis(20));
        view = new TraceView(vm);
        stage.setScene(new SceneFactory().create(view, 1200, 780));
        stage.show();
    }

    @AfterEach
    void stop() {
        Platform.runLater(vm::dispose);
        WaitForAsyncUtils.waitForFxEvents();
        workers.shutdownNow();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int callRows() {
        return count(view.lookup("#trace-timeline") instanceof TimelineTable t ? t.getRoot() : null);
    }

    private static int count(TreeItem<TimelineRow> item) {
        if (item == null) {
            return 0;
        }
        int n = item.getValue() != null && item.getValue().call() != null ? 1 : 0;
        for (TreeItem<TimelineRow> c : item.getChildren()) {
            n += count(c);
        }
        return n;
    }

    @Test
    void realTranscriptShowsItsNineCallsAndTheirDetail(FxRobot robot) throws Exception {
        Path fixture = Transcripts.fixture("claude-code_2.0.14_crud.jsonl");
        robot.interact(() -> view.load(fixture));
        waitUntil(() -> callRows() == 9);
        assertThat(robot.lookup("#trace-status").queryAs(Label.class).getText()).contains("9 calls");
        robot.clickOn(robot.lookup("#trace-timeline .tree-table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        waitUntil(() -> vm.detailProperty().get() != null);
        assertThat(robot.lookup("#trace-input").queryAs(TextArea.class).getText()).isNotEmpty();
        // call 6 is the Edit of JOKE.md: its diff is shown with added and removed lines coloured
        robot.clickOn(robot.lookup("#trace-timeline .tree-table-row-cell").nth(5).queryAs(javafx.scene.Node.class));
        waitUntil(() -> vm.detailProperty().get() != null && vm.detailProperty().get().call().seq() == 6);
        assertThat(robot.lookup("#trace-detail-headline").queryAs(Label.class).getText()).startsWith("#6  Edit");
        assertThat(robot.lookup(".trace-diff .diff-add").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".trace-diff .diff-del").queryAll()).isNotEmpty();
    }

    @Test
    void theSessionListShowsTheOpenSessionHoweverItWasOpened(FxRobot robot) throws Exception {
        Path listed = Files.createDirectories(dir.resolve("c/-work-shop")).resolve("listed.jsonl");
        Files.copy(Transcripts.fixture("claude-code_2.0.14_crud.jsonl"), listed, StandardCopyOption.REPLACE_EXISTING);
        robot.interact(vm::refreshSessions);
        waitUntil(() -> vm.sessions().stream().anyMatch(r -> Path.of(r.path()).equals(listed)));
        ComboBox<SessionRef> list = robot.lookup("#trace-sessions").queryComboBox();
        assertThat(list.getValue()).isNull();

        robot.interact(() -> view.load(listed));
        waitUntil(() -> list.getValue() != null && callRows() == 9);
        assertThat(Path.of(list.getValue().path())).isEqualTo(listed);

        // a transcript that is not in the list clears the choice instead of naming the previous one
        Path elsewhere = dir.resolve("elsewhere.jsonl");
        Transcripts.thrashing(elsewhere);
        robot.interact(() -> view.load(elsewhere));
        waitUntil(() -> list.getValue() == null && callRows() == 4);
    }

    @Test
    void clickingAFindingSelectsItsCall(FxRobot robot) throws Exception {
        Path t = dir.resolve("thrash.jsonl");
        Transcripts.thrashing(t);
        robot.interact(() -> view.load(t));
        waitUntil(() -> callRows() == 4);
        ListCell<?> cell = robot.lookup("#trace-findings .list-cell").match(c -> ((ListCell<?>) c).getItem() != null
                && ((ListCell<?>) c).getText().startsWith("thrashing.identical-run")).queryAs(ListCell.class);
        assertThat(cell.getStyleClass()).contains("finding-amber");
        robot.clickOn(cell);
        waitUntil(() -> vm.selectedSeqProperty().get() == 2);
        TimelineTable table = (TimelineTable) view.lookup("#trace-timeline");
        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null);
        assertThat(table.getSelectionModel().getSelectedItem().getValue().seq()).isEqualTo(2);
        waitUntil(() -> robot.lookup("#trace-input").queryAs(TextArea.class).getText().contains("ls src"));
    }

    @Test
    void liveModeShowsACallAppendedToTheTranscript(FxRobot robot) throws Exception {
        Path t = dir.resolve("live.jsonl");
        Transcripts.append(t, Transcripts.prompt("/w", "go"),
                Transcripts.call("/w", "l1", "Read", "{\"file_path\":\"/w/A.java\"}", "a", false));
        robot.clickOn("#trace-live");
        robot.interact(() -> view.load(t));
        waitUntil(() -> vm.liveProperty().get() && callRows() == 1);
        Transcripts.append(t, Transcripts.call("/w", "l2", "Bash", "{\"command\":\"mvn -q test\"}", "BUILD OK", false));
        waitUntil(() -> callRows() == 2);
        assertThat(vm.calls().get(1).tool()).isEqualTo("Bash");
        robot.clickOn("#trace-live");
        waitUntil(() -> !vm.liveProperty().get());
    }
}
