package dev.cofferdam.app.ui;

import dev.cofferdam.app.ui.common.NamedExecutors;
import dev.cofferdam.app.ui.common.SceneFactory;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.app.ui.open.RecentRepositories;
import dev.cofferdam.app.ui.open.WindowPrefs;
import dev.cofferdam.app.ui.sample.SampleRepository;
import dev.cofferdam.app.ui.trace.TraceTab;
import dev.cofferdam.app.ui.walls.WallsTab;
import dev.cofferdam.app.ui.workbench.GraphViewModel;
import dev.cofferdam.app.ui.workbench.SelectionViewModel;
import dev.cofferdam.app.ui.workbench.WorkbenchView;
import dev.cofferdam.app.ui.workbench.WorkbenchViewModel;
import dev.cofferdam.assets.Assets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The workbench application: composes the engine, the view models and the window. */
public final class App extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private ExecutorService workers;
    private TraceTab trace;
    private WallsTab walls;

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            LOG.error("uncaught exception in {}", t.getName(), e);
            Platform.runLater(() -> new Alert(Alert.AlertType.ERROR, "Unexpected error: " + e).show());
        });
        AppOptions options = AppOptions.fromNamed(getParameters().getNamed());
        workers = NamedExecutors.cached("cofferdam-worker");
        UiThreads threads = new UiThreads(workers, Platform::runLater);
        EngineWiring engine = EngineWiring.create();
        Preferences prefs = Preferences.userRoot().node("dev/cofferdam/workbench");
        RecentRepositories recent = new RecentRepositories(prefs);
        WindowPrefs window = new WindowPrefs(prefs);
        WorkbenchViewModel vm = new WorkbenchViewModel(threads, engine.mapService(), new GraphViewModel(threads),
                new SelectionViewModel(threads, engine.blastSource()));
        WorkbenchView view = new WorkbenchView(vm, recent);
        view.setOnOpenSample(() -> openSample(vm));
        SceneFactory scenes = new SceneFactory();
        scenes.darkThemeProperty().set(options.theme().isEmpty() ? window.dark() : options.theme().equals("dark"));
        view.darkThemeProperty().bindBidirectional(scenes.darkThemeProperty());
        view.graphView().setDark(scenes.darkThemeProperty().get());
        scenes.darkThemeProperty().addListener((o, was, dark) -> view.graphView().setDark(dark));
        trace = new TraceTab(threads, () -> vm.indexProperty().get() == null ? null : vm.indexProperty().get().map());
        walls = new WallsTab(threads);
        TabPane views = new TabPane(new Tab("Map", view), walls, trace);
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getStyleClass().add("views");
        Scene scene = scenes.create(views, options.width() > 0 ? options.width() : window.width(),
                options.height() > 0 ? options.height() : window.height());
        stage.setScene(scene);
        stage.setTitle("Cofferdam");
        stage.getIcons().add(new Image(Assets.class.getResource("icons/cofferdam-64.png").toExternalForm()));
        vm.repositoryProperty().addListener((o, was, now) -> stage.setTitle("Cofferdam — " + now.getFileName()));
        if (options.screenshot().isEmpty()) {
            stage.setOnHidden(e -> window.save(stage.getWidth(), stage.getHeight(), scenes.darkThemeProperty().get()));
        }
        stage.show();
        options.screenshot().ifPresent(file -> new Screenshot(scene, vm, file, options.select()).arm());
        open(vm, options, recent);
    }

    private static void open(WorkbenchViewModel vm, AppOptions options, RecentRepositories recent) {
        Optional<Path> chosen = options.repository()
                .or(() -> options.sample() ? Optional.empty() : recent.list().stream().filter(Files::isDirectory).findFirst());
        if (chosen.isPresent() && !chosen.get().equals(SampleRepository.defaultLocation())) {
            vm.open(chosen.get());
        } else {
            openSample(vm); // also when the sample was the last repository: ensure() refreshes its session file
        }
    }

    private static void openSample(WorkbenchViewModel vm) {
        SampleRepository sample = new SampleRepository(SampleRepository.defaultLocation());
        vm.open(sample::ensure, "the sample repository");
    }

    @Override
    public void stop() {
        if (trace != null) {
            trace.dispose();
        }
        if (walls != null) {
            walls.dispose();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
