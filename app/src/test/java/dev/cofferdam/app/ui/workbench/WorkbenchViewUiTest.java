package dev.cofferdam.app.ui.workbench;

import static dev.cofferdam.app.ui.TestMaps.CHECKOUT;
import static dev.cofferdam.app.ui.TestMaps.ORDER;
import static dev.cofferdam.app.ui.TestMaps.ORDER_SERVICE;
import static dev.cofferdam.app.ui.TestMaps.PAYMENT_SERVICE_TEST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.FixtureMapService;
import dev.cofferdam.app.ui.GitRepo;
import dev.cofferdam.app.ui.common.NamedExecutors;
import dev.cofferdam.app.ui.common.SceneFactory;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.app.ui.graph.GraphView;
import dev.cofferdam.app.ui.graph.Point;
import dev.cofferdam.app.ui.map.GraphScope;
import dev.cofferdam.app.ui.open.RecentRepositories;
import dev.cofferdam.engine.blast.Impact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench in a real (headless) window: open, click, search, diff. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchViewUiTest {
    @TempDir
    static Path dir;

    private final Preferences prefs = Preferences.userRoot().node("dev/cofferdam/test/ui-" + ProcessHandle.current().pid());
    private final ExecutorService workers = NamedExecutors.cached("test-worker");
    private WorkbenchViewModel vm;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        UiThreads threads = new UiThreads(workers, Platform::runLater);
        vm = new WorkbenchViewModel(threads, new FixtureMapService(), new GraphViewModel(threads),
                new SelectionViewModel(threads, WorkbenchViewModelTest.blast()));
        view = new WorkbenchView(vm, new RecentRepositories(prefs));
        stage.setScene(new SceneFactory().create(view, 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        workers.shutdownNow();
        prefs.removeNode();
    }

    @Test
    void openSelectANodeAndTheBlastListShowsTheImpactedFiles(FxRobot robot) throws Exception {
        openRepository(robot, dir);
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("4 modules, 14 files");
        GraphView graph = view.graphView();
        robot.clickOn(onScreen(graph, "core"));
        waitUntil(() -> vm.selection().blastProperty().get() != null);
        assertThat(vm.selection().selectionProperty().get()).isEqualTo(new Target(Target.Kind.MODULE, "core"));
        // Enter drills into the selected node (a double-click does the same; its timing is not for a loaded CI)
        robot.type(KeyCode.ENTER);
        waitUntil(() -> vm.graph().graphProperty().get().positions().containsKey(ORDER));
        assertThat(vm.graph().scopeProperty().get()).isEqualTo(GraphScope.filesOf("core"));
        robot.clickOn(onScreen(graph, ORDER));
        TableView<Impact> table = robot.lookup("#blast-impacted").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
        assertThat(table.getItems()).extracting(Impact::path).startsWith(ORDER_SERVICE).contains(CHECKOUT);
        assertThat(robot.lookup("#blast-tests").queryTableView().getItems()).hasSize(2);
        assertThat(robot.lookup("#blast-owners").queryAs(Label.class).getText()).contains("@alice", "@carol", "@dana");
        robot.clickOn("#back");
        waitUntil(() -> vm.graph().scopeProperty().get().equals(GraphScope.MODULES));
    }

    @Test
    void searchSelectsWhatWasTyped(FxRobot robot) throws Exception {
        openRepository(robot, dir);
        robot.clickOn("#search").write("PaymentServ").type(KeyCode.ENTER);
        TableView<Impact> table = robot.lookup("#blast-impacted").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
        assertThat(vm.selection().selectionProperty().get()).isEqualTo(new Target(Target.Kind.TYPE, "dev.shop.payments.PaymentService"));
        assertThat(table.getItems()).extracting(Impact::path).containsExactly(CHECKOUT);
        assertThat(robot.lookup("#blast-tests").queryTableView().getItems()).extracting(i -> ((Impact) i).path())
                .containsExactly(PAYMENT_SERVICE_TEST);
    }

    @Test
    void diffOfTheWorkingTreeAndAClearErrorForABadFolder(FxRobot robot) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        GitRepo git = new GitRepo(repo).write(ORDER, "class Order {}\n").write(CHECKOUT, "class C {}\n").commit("start");
        openRepository(robot, repo);
        git.write(ORDER, "class Order { int total; }\n");
        robot.clickOn("#diff").clickOn("#diff-working-tree");
        TableView<Impact> table = robot.lookup("#blast-impacted").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
        assertThat(vm.selection().blastProperty().get().seeds()).containsExactly(ORDER);
        assertThat(table.getItems()).extracting(Impact::path).contains(ORDER_SERVICE, CHECKOUT);

        robot.interact(() -> vm.open(dir.resolve("missing")));
        Label banner = robot.lookup("#error-banner").queryAs(Label.class);
        waitUntil(() -> banner.isVisible() && banner.getParent().isVisible());
        assertThat(banner.getText()).isEqualTo("Folder not found: " + dir.resolve("missing"));
        assertThat(vm.repositoryProperty().get()).isEqualTo(repo);
    }

    private void openRepository(FxRobot robot, Path root) throws TimeoutException {
        robot.interact(() -> vm.open(root));
        waitUntil(() -> root.equals(vm.repositoryProperty().get()) && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D onScreen(GraphView graph, String id) {
        Point p = graph.screenPosition(id);
        return graph.localToScreen(p.x(), p.y());
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
