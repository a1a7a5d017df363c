package dev.cofferdam.app.ui.walls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.common.NamedExecutors;
import dev.cofferdam.app.ui.common.SceneFactory;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.egress.EgressRecord;
import dev.cofferdam.vm.policy.BalancedAllowlist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Walls view in a real (headless) window over a real egress proxy on loopback, a real SQLite
 * egress log and a real policy store. No sandbox service here (no guest boots in this test).
 */
@ExtendWith(ApplicationExtension.class)
class WallsViewUiTest {
    private final ExecutorService workers = NamedExecutors.cached("walls-test");
    private Path dir;
    private LoopbackEgress egress;
    private WallsView view;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("walls-ui");
        egress = new LoopbackEgress(dir);
        WallsServices services = new WallsServices(Optional.empty(), "no QEMU in this test", egress.log,
                egress.store, BalancedAllowlist.shipped());
        view = new WallsView(new UiThreads(workers, Platform::runLater), services);
        stage.setScene(new SceneFactory().create(view, 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(view::dispose).get(10, TimeUnit.SECONDS);
        workers.shutdownNow();
        egress.close();
    }

    @Test
    void aBadRuleShowsItsColumnInline(FxRobot robot) throws Exception {
        focus(robot, "#ruleInput");
        robot.write("api.ex*ample.com");
        Label feedback = robot.lookup("#ruleFeedback").queryAs(Label.class);
        waitUntil(() -> feedback.getText().contains("column 7"));
        assertThat(feedback.getText()).contains("'*' may only be a whole first label")
                .contains("      ^ column 7");
        assertThat(feedback.getStyleClass()).contains("error-text");
        assertThat(robot.lookup("#addRule").queryButton().isDisabled()).isTrue();
        robot.eraseText(16).write("**");
        waitUntil(() -> feedback.getText().startsWith("warning:"));
        assertThat(feedback.getText()).contains("allows every host");
        assertThat(robot.lookup("#addRule").queryButton().isDisabled()).isFalse();
    }

    @Test
    void checkAHostShowsTheDecisionAndTheRule(FxRobot robot) throws Exception {
        focus(robot, "#checkHost");
        robot.write("169.254.169.254:80").type(javafx.scene.input.KeyCode.ENTER);
        Label result = robot.lookup("#checkResult").queryAs(Label.class);
        waitUntil(() -> result.getText().startsWith("deny 169.254.169.254:80"));
        assertThat(result.getText()).contains("rule: always-denied");
        assertThat(result.getStyleClass()).contains("decision-deny");
    }

    @Test
    void theEgressTableShowsARealRequestAndTheFilterWorks(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<EgressRecord> table = robot.lookup("#egressTable").queryAs(TableView.class);
        assertThat(egress.get("allowed.example", "/ui")).isEqualTo(200);
        assertThat(egress.get("evil.example", "/nope")).isEqualTo(403);
        waitUntil(() -> table.getItems().size() == 2 && table.getItems().stream().allMatch(r -> r.status() != 0));
        assertThat(table.getItems()).extracting(EgressRecord::host, EgressRecord::decision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("allowed.example", "allow"),
                        org.assertj.core.groups.Tuple.tuple("evil.example", "deny"));
        assertThat(robot.lookup(".table-row-cell.egress-deny").queryAll()).isNotEmpty();
        assertThat(robot.lookup(".table-row-cell.egress-allow").queryAll()).isNotEmpty();
        focus(robot, "#egressFilter");
        robot.write("evil");
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).host()).isEqualTo("evil.example");
        robot.eraseText(4);
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(robot.lookup("#egressCount").queryAs(Label.class).getText()).isEqualTo("2 of 2 decisions");
    }

    /** Focuses a field by its id (the policy column scrolls, so a click may not reach it) for typing. */
    private static void focus(FxRobot robot, String id) {
        javafx.scene.Node node = robot.lookup(id).query();
        robot.interact(node::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
