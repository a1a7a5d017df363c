package dev.cofferdam.app.ui.workbench;

import dev.cofferdam.app.ui.common.FxTasks;
import dev.cofferdam.app.ui.common.ProgressRelay;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.app.ui.graph.GraphNode;
import dev.cofferdam.app.ui.graph.LaidOutGraph;
import dev.cofferdam.app.ui.map.GraphScope;
import dev.cofferdam.app.ui.map.MapIndex;
import dev.cofferdam.app.ui.search.SearchEntry;
import dev.cofferdam.app.ui.search.SearchIndex;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.map.MapService;
import dev.cofferdam.engine.map.RepoMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens repositories: maps them in the background with progress and cancel, and on success hands
 * the map to the graph and selection view models. A failed or cancelled open keeps the previous map.
 * FX thread only.
 */
public final class WorkbenchViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchViewModel.class);

    /** What one successful open produced. */
    private record Opened(Path root, MapIndex index, SearchIndex search, LaidOutGraph modules) { }

    private final UiThreads threads;
    private final MapService mapService;
    private final GraphViewModel graph;
    private final SelectionViewModel selection;
    private final ReadOnlyObjectWrapper<Path> repository = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MapIndex> index = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SearchIndex> search = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private Consumer<Path> onOpened = p -> { };
    private FxTasks.Handle running;
    private ProgressRelay relay;

    public WorkbenchViewModel(UiThreads threads, MapService mapService, GraphViewModel graph,
                              SelectionViewModel selection) {
        this.threads = threads;
        this.mapService = mapService;
        this.graph = graph;
        this.selection = selection;
    }

    /** Called with the root after each successful open (to remember recent repositories). */
    public void setOnOpened(Consumer<Path> handler) {
        this.onOpened = handler;
    }

    /** Maps {@code root} in the background; on failure the error property says why. */
    public void open(Path root) {
        Path normal = root.toAbsolutePath().normalize();
        open(() -> normal, normal.toString());
    }

    /**
     * Like {@link #open(Path)} for a folder that must first be produced in the background (the
     * sample repository is extracted on first use).
     */
    public void open(Callable<Path> folder, String what) {
        cancel();
        busy.set(true);
        error.set("");
        progress.set(-1);
        progressText.set("Opening " + what);
        ProgressRelay mine = new ProgressRelay(threads.fx(), step -> {
            progress.set(step.fraction());
            progressText.set(step.phase() + (step.total() > 0 ? " " + step.done() + "/" + step.total() : ""));
        });
        relay = mine;
        int limit = graph.limit();
        running = FxTasks.create(() -> load(folder.call(), mine, limit))
                .onSuccess(this::opened)
                .onError(AnalysisException.class, e -> error.set(e.getMessage()))
                .onError(Exception.class, e -> {
                    LOG.error("mapping {} failed", what, e);
                    error.set("Mapping failed: " + e);
                })
                .andFinally(this::idle)
                .runOnce(threads);
    }

    private Opened load(Path root, ProgressRelay relay, int limit) throws AnalysisException {
        if (!Files.exists(root)) {
            throw new AnalysisException("Folder not found: " + root);
        }
        if (!Files.isDirectory(root)) {
            throw new AnalysisException("Not a folder: " + root);
        }
        if (!Files.isReadable(root)) {
            throw new AnalysisException("Folder not readable: " + root);
        }
        RepoMap map = mapService.map(root, relay);
        if (map.files().isEmpty()) {
            throw new AnalysisException("No source files found in " + root);
        }
        relay.progress("laying out", 0, -1);
        MapIndex mapIndex = new MapIndex(map);
        return new Opened(root, mapIndex, new SearchIndex(map), GraphViewModel.modulesOf(mapIndex, limit));
    }

    private void opened(Opened o) {
        graph.show(o.index(), o.modules());
        selection.show(o.index(), o.root());
        repository.set(o.root());
        search.set(o.search());
        index.set(o.index());
        onOpened.accept(o.root());
    }

    /** Stops a running open; the previous map stays. */
    public void cancel() {
        if (running != null && busy.get()) {
            running.cancel();
            error.set("Opening cancelled; showing the previous map");
            idle();
        }
    }

    private void idle() {
        running = null;
        if (relay != null) {
            relay.close();
            relay = null;
        }
        busy.set(false);
        progressText.set("");
        progress.set(-1);
    }

    /** A click in the graph: a module or file node selects it, the background clears the selection. */
    public void selectNode(String nodeId) {
        if (nodeId == null) {
            selection.clear();
            return;
        }
        graph.node(nodeId).ifPresent(n -> {
            switch (n.kind()) {
                case MODULE -> selection.select(new Target(Target.Kind.MODULE, n.id()));
                case FILE, TEST -> selection.select(new Target(Target.Kind.FILE, n.id()));
                case AGGREGATE -> { }
            }
        });
    }

    /**
     * Keyboard selection: the next ({@code step} 1) or previous (-1) module or file node of the
     * graph, in the order of their ids, wrapping around.
     */
    public void selectNext(int step) {
        List<String> ids = graph.graphProperty().get().data().nodes().stream()
                .filter(n -> n.kind() != GraphNode.NodeKind.AGGREGATE).map(GraphNode::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        Target current = selection.selectionProperty().get();
        int at = current == null ? -1 : ids.indexOf(current.id());
        int next = at < 0 ? (step > 0 ? 0 : ids.size() - 1) : Math.floorMod(at + step, ids.size());
        selectNode(ids.get(next));
    }

    /** A search result: shows where it lives and selects it. */
    public void pick(SearchEntry entry) {
        MapIndex current = index.get();
        if (entry == null || current == null) {
            return;
        }
        switch (entry.kind()) {
            case MODULE -> {
                String module = current.displayModule(entry.target());
                graph.go(GraphScope.filesOf(module));
                selection.select(new Target(Target.Kind.MODULE, module));
            }
            case FILE -> showFile(entry.target());
            case TYPE -> current.type(entry.target()).ifPresent(t -> {
                graph.go(GraphScope.around(t.file()));
                selection.select(new Target(Target.Kind.TYPE, t.name()));
            });
        }
    }

    /**
     * Selects a file path, module id or qualified type name, whichever the map knows.
     *
     * @return false when the map knows none of them
     */
    public boolean selectByName(String name) {
        MapIndex current = index.get();
        if (current == null) {
            return false;
        }
        if (current.file(name).isPresent()) {
            showFile(name);
        } else if (current.module(name).isPresent()) {
            pick(new SearchEntry(name, SearchEntry.Kind.MODULE, name));
        } else if (current.type(name).isPresent()) {
            pick(new SearchEntry(name, SearchEntry.Kind.TYPE, name));
        } else {
            return false;
        }
        return true;
    }

    /** Shows the neighbourhood of a file and selects it. */
    public void showFile(String path) {
        MapIndex current = index.get();
        if (current != null && current.file(path).isPresent()) {
            graph.go(GraphScope.around(path));
            selection.select(new Target(Target.Kind.FILE, path));
        }
    }

    public void dismissError() {
        error.set("");
    }

    public GraphViewModel graph() {
        return graph;
    }

    public SelectionViewModel selection() {
        return selection;
    }

    public ReadOnlyObjectProperty<Path> repositoryProperty() {
        return repository.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MapIndex> indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SearchIndex> searchProperty() {
        return search.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
