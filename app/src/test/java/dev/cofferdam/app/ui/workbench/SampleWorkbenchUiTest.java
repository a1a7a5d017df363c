package dev.cofferdam.app.ui.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.GitRepo;
import dev.cofferdam.app.ui.common.NamedExecutors;
import dev.cofferdam.app.ui.common.SceneFactory;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.app.ui.graph.GraphView;
import dev.cofferdam.app.ui.graph.Point;
import dev.cofferdam.app.ui.map.GraphScope;
import dev.cofferdam.app.ui.open.RecentRepositories;
import dev.cofferdam.app.ui.sample.SampleRepository;
import dev.cofferdam.engine.blast.Impact;
import dev.cofferdam.engine.map.IndexedMapService;
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
import javafx.scene.input.Clipboard;
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

/**
 * End to end with the real engine: the bundled sample repository (replayed with git) is mapped,
 * a file is clicked, its blast radius listed; then a diff of the working tree and of a git range.
 */
@ExtendWith(ApplicationExtension.class)
class SampleWorkbenchUiTest {
    private static final String ORDER = "core/src/main/java/dev/shop/core/Order.java";

    @TempDir
    Path dir;

    private final Preferences prefs = Preferences.userRoot().node("dev/cofferdam/test/sample-" + ProcessHandle.current().pid());
    private final ExecutorService workers = NamedExecutors.cached("test-worker");
    private WorkbenchViewModel vm;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        UiThreads threads = new UiThreads(workers, Platform::runLater);
        vm = new WorkbenchViewModel(threads, new IndexedMapService(dir.resolve("cache")), new GraphViewModel(threads),
                new SelectionViewModel(threads, WorkbenchViewModelTest.blast()));
        view = new WorkbenchView(vm, new RecentRepositories(prefs));
        stage.setScene(new SceneFactory().create(view, 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        new IndexedMapService(dir.resolve("cache")).flush(); // background index writes land before @TempDir goes
        workers.shutdownNow();
        prefs.removeNode();
    }

    @Test
    void openTheSampleClickAFileAndSeeItsBlastRadius(FxRobot robot) throws Exception {
        Path sample = new SampleRepository(dir.resolve("sample")).ensure();
        robot.interact(() -> vm.open(sample));
        waitUntil(() -> sample.equals(vm.repositoryProperty().get()) && !vm.busyProperty().get());
        assertThat(vm.graph().graphProperty().get().data().nodes()).extracting(n -> n.id())
                .contains("api", "core", "payments", "web");
        GraphView graph = view.graphView();
        robot.clickOn(onScreen(graph, "core"));
        waitUntil(() -> vm.selection().blastProperty().get() != null);
        assertThat(vm.selection().selectionProperty().get()).isEqualTo(new Target(Target.Kind.MODULE, "core"));
        // Enter drills into the selected node (a double-click does the same; its timing is not for a loaded CI)
        robot.type(KeyCode.ENTER);
        waitUntil(() -> vm.graph().graphProperty().get().positions().containsKey(ORDER));
        assertThat(vm.graph().scopeProperty().get()).isEqualTo(GraphScope.filesOf("core"));
        robot.clickOn(onScreen(graph, ORDER));
        TableView<Impact> impacted = robot.lookup("#blast-impacted").queryTableView();
        waitUntil(() -> !impacted.getItems().isEmpty() && vm.selection().blastProperty().get().seeds().contains(ORDER));
        assertThat(impacted.getItems()).extracting(Impact::path).contains(
                "core/src/main/java/dev/shop/core/OrderService.java",
                "payments/src/main/java/dev/shop/payments/PaymentService.java",
                "web/src/main/java/dev/shop/web/CheckoutController.java");
        TableView<Impact> tests = robot.lookup("#blast-tests").queryTableView();
        assertThat(tests.getItems()).extracting(Impact::path).contains(
                "core/src/test/java/dev/shop/core/OrderServiceTest.java",
                "payments/src/test/java/dev/shop/payments/PaymentServiceTest.java");
        assertThat(robot.lookup("#blast-owners").queryAs(Label.class).getText()).contains("@alice", "@bob", "@carol");
        robot.clickOn("#copy-context");
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).startsWith("# Change context for sample")
                .contains("core/src/main/java/dev/shop/core/OrderService.java");
        robot.clickOn("Details");
        robot.lookup("Order.java").queryAs(Label.class);
        assertThat(robot.lookup(".details-fact").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Module: core", "Path: " + ORDER);

        // search, then the git range of the last commit through the dialog
        robot.clickOn("#search").write("Refunds").type(KeyCode.ENTER);
        waitUntil(() -> vm.selection().blastProperty().get() != null
                && vm.selection().blastProperty().get().seeds().contains("payments/src/main/java/dev/shop/payments/Refunds.java"));
        robot.clickOn("#diff").clickOn("#diff-range");
        robot.lookup(".dialog-pane .text-field").queryTextInputControl();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> vm.selection().blastProperty().get() != null
                && vm.selection().selectionProperty().get().kind() == Target.Kind.DIFF);
        assertThat(vm.selection().blastProperty().get().seeds())
                .contains("payments/src/main/java/dev/shop/payments/PaymentService.java", ORDER);
    }

    @Test
    void diffOfTheUncommittedWorkingTree(FxRobot robot) throws Exception {
        Path sample = new SampleRepository(dir.resolve("sample")).ensure();
        Path pricing = sample.resolve("core/src/main/java/dev/shop/core/PricingRules.java");
        Files.writeString(pricing, Files.readString(pricing).replace("percent(2)", "percent(3)"));
        assertThat(new GitRepo(sample).git("status", "--porcelain")).contains("PricingRules.java");
        robot.interact(() -> vm.open(sample));
        waitUntil(() -> sample.equals(vm.repositoryProperty().get()) && !vm.busyProperty().get());
        robot.clickOn("#diff").clickOn("#diff-working-tree");
        TableView<Impact> impacted = robot.lookup("#blast-impacted").queryTableView();
        waitUntil(() -> !impacted.getItems().isEmpty());
        assertThat(vm.selection().blastProperty().get().seeds()).containsExactly("core/src/main/java/dev/shop/core/PricingRules.java");
        assertThat(impacted.getItems()).extracting(Impact::path).contains("core/src/main/java/dev/shop/core/OrderService.java");
        assertThat(robot.lookup("#blast-tests").queryTableView().getItems()).extracting(i -> ((Impact) i).path())
                .contains("core/src/test/java/dev/shop/core/PricingRulesTest.java");
    }

    private static Point2D onScreen(GraphView graph, String id) {
        Point p = graph.screenPosition(id);
        return graph.localToScreen(p.x(), p.y());
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
