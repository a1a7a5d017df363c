package dev.cofferdam.app.ui.walls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.common.SceneFactory;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.app.ui.terminal.Screen;
import dev.cofferdam.app.ui.terminal.TerminalView;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The terminal pane in a real (headless) window connected to a real shell under a real PTY
 * ({@code script -qfec sh}, see {@link ScriptConnection}): keys typed into the view reach the
 * shell, and its echo and output come back and are drawn by the emulator; selection, copy and
 * paste; a mouse click reported to a program that asked for it.
 */
@ExtendWith(ApplicationExtension.class)
class TerminalPaneUiTest {
    private TerminalPane pane;
    private TerminalViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new TerminalViewModel(new UiThreads(Runnable::run, Platform::runLater), ScriptConnection::open, "host");
        pane = new TerminalPane(vm);
        // inside a TabPane as in the Walls view (a TabPane takes the focus on presses that reach it)
        TabPane tabs = new TabPane(new Tab("Other"), new Tab("Terminal", pane));
        tabs.getSelectionModel().select(1);
        stage.setScene(new SceneFactory().create(tabs, 900, 500));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(pane::dispose).get(10, TimeUnit.SECONDS);
    }

    @Test
    void typedKeysReachTheShellAndItsOutputIsDrawn(FxRobot robot) throws Exception {
        TerminalView view = pane.view();
        // the prompt ("$ " or "# " as root) shows that the shell runs and its output is drawn
        waitFor(() -> vm.runningProperty().get() && !screenText(view).isBlank());
        Screen screen = fx(() -> view.terminal().screen());
        assertThat(fx(screen::cols)).isGreaterThan(80);
        robot.clickOn(view);
        assertThat(fx(view::isFocused)).isTrue();
        robot.write("echo $((6*7))done");
        robot.type(KeyCode.ENTER);
        waitFor(() -> screenText(view).contains("\n42done"));
        assertThat(screenText(view)).contains(" echo $((6*7))done\n42done");
        selectRowStart(robot, view, screen, "42done", 6);
        assertThat(fx(view::selectedText)).isEqualTo("42done");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.write("echo pasted:");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.type(KeyCode.ENTER);
        waitFor(() -> screenText(view).contains("\npasted:42done"));
        long framesBefore = fx(view::frames);
        robot.write("printf '\\033[1;32mgreen\\033[0m\\n'");
        robot.type(KeyCode.ENTER);
        waitFor(() -> screenText(view).contains("\ngreen"));
        assertThat(fx(view::frames)).isGreaterThan(framesBefore);
        int row = fx(() -> {
            for (int y = 0; y < screen.rows(); y++) {
                if (screen.row(y).text().equals("green")) {
                    return y;
                }
            }
            return -1;
        });
        assertThat(row).isNotNegative();
        assertThat(fx(() -> screen.row(row).styleAt(0).fg())).isEqualTo(2);
        // a program that asks for mouse reports gets a click as an SGR report
        // (the reader takes everything up to the release's final 'm', so nothing is left for the shell)
        robot.write("printf '\\033[?1000h\\033[?1006h'; stty -icanon -echo;"
                + " bash -c 'IFS= read -r -d m r; printf \"%s\" \"$r\" | od -An -c; echo mouse-read';"
                + " stty icanon echo; printf '\\033[?1000l\\033[?1006l'");
        robot.type(KeyCode.ENTER);
        waitFor(() -> screen.modes().mouseTracking() == 1000);
        robot.clickOn(view);
        waitFor(() -> screenText(view).contains("\nmouse-read"));
        assertThat(screenText(view)).contains(" 033   [   <   0   ;").containsPattern("M +033 +\\[ +< +0 +;");
        waitFor(() -> screen.modes().mouseTracking() == 0);
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        waitFor(() -> !vm.runningProperty().get());
        assertThat(fx(() -> vm.statusProperty().get())).startsWith("ended: exit 0");
        waitFor(() -> screenText(view).contains("Restart opens a new shell"));
    }

    /** Drags over the first {@code cells} cells of the last row that reads {@code text}. */
    private static void selectRowStart(FxRobot robot, TerminalView view, Screen screen, String text, int cells) {
        int row = fx(() -> {
            for (int y = screen.rows() - 1; y >= 0; y--) {
                if (screen.row(y).text().equals(text)) {
                    return y;
                }
            }
            return -1;
        });
        assertThat(row).isNotNegative();
        double cw = fx(() -> Math.floor(view.getWidth()) / screen.cols());
        double ch = fx(() -> Math.floor(view.getHeight()) / screen.rows());
        Point2D from = fx(() -> view.localToScreen(cw * 0.3, ch * (row + 0.5)));
        Point2D to = fx(() -> view.localToScreen(cw * (cells - 0.5), ch * (row + 0.5)));
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(to)
                .release(MouseButton.PRIMARY);
    }

    private static String screenText(TerminalView view) {
        return fx(() -> view.terminal().screen().text());
    }

    private static <T> T fx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("not reached; status " + fx(() -> vm.statusProperty().get()) + ", screen:\n"
                    + screenText(pane.view()), e);
        }
    }
}
