package dev.cofferdam.app.ui.workbench;

import dev.cofferdam.app.ui.common.FxTasks;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.app.ui.graph.ForceLayout;
import dev.cofferdam.app.ui.graph.GraphNode;
import dev.cofferdam.app.ui.graph.LaidOutGraph;
import dev.cofferdam.app.ui.map.GraphBuilder;
import dev.cofferdam.app.ui.map.GraphScope;
import dev.cofferdam.app.ui.map.MapIndex;
import dev.cofferdam.app.ui.map.Navigation;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which part of the map the graph shows, with back/forward, and the laid-out graph for it.
 * Building and laying out run on the background executor; a newer request wins over an older one.
 * FX thread only.
 */
public final class GraphViewModel {
    private final UiThreads threads;
    private final Navigation navigation = new Navigation();
    private final ReadOnlyObjectWrapper<LaidOutGraph> graph = new ReadOnlyObjectWrapper<>(LaidOutGraph.EMPTY);
    private final ReadOnlyObjectWrapper<GraphScope> scope = new ReadOnlyObjectWrapper<>(GraphScope.MODULES);
    private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canForward = new ReadOnlyBooleanWrapper();
    private MapIndex index;
    private int limit = GraphBuilder.DEFAULT_LIMIT;
    private long generation;

    public GraphViewModel(UiThreads threads) {
        this.threads = threads;
    }

    /** Lays out the module level of a new map off the FX thread (called from a background task). */
    static LaidOutGraph modulesOf(MapIndex index, int limit) {
        return ForceLayout.layout(new GraphBuilder(index, limit).build(GraphScope.MODULES));
    }

    /** Shows a freshly opened map whose module graph was already laid out. */
    void show(MapIndex index, LaidOutGraph modules) {
        this.index = index;
        navigation.reset();
        generation++;
        graph.set(modules);
        update();
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    public void go(GraphScope target) {
        navigation.go(target);
        refresh();
    }

    public void back() {
        navigation.back();
        refresh();
    }

    public void forward() {
        navigation.forward();
        refresh();
    }

    public void home() {
        go(GraphScope.MODULES);
    }

    /** Drills into a node: a module shows its files, a file its neighbourhood. */
    public void open(String nodeId) {
        node(nodeId).ifPresent(n -> {
            switch (n.kind()) {
                case MODULE -> go(GraphScope.filesOf(n.id()));
                case FILE, TEST -> go(GraphScope.around(n.id()));
                case AGGREGATE -> { }
            }
        });
    }

    public Optional<GraphNode> node(String nodeId) {
        return graph.get().data().nodes().stream().filter(n -> n.id().equals(nodeId)).findFirst();
    }

    private void refresh() {
        update();
        if (index == null) {
            return;
        }
        long mine = ++generation;
        MapIndex current = index;
        GraphScope target = navigation.current();
        int max = limit;
        FxTasks.create(() -> ForceLayout.layout(new GraphBuilder(current, max).build(target)))
                .onSuccess(laidOut -> {
                    if (mine == generation) {
                        graph.set(laidOut);
                    }
                })
                .runOnce(threads);
    }

    private void update() {
        scope.set(navigation.current());
        canBack.set(navigation.canGoBack());
        canForward.set(navigation.canGoForward());
    }

    public ReadOnlyObjectProperty<LaidOutGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GraphScope> scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canBackProperty() {
        return canBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canForwardProperty() {
        return canForward.getReadOnlyProperty();
    }
}
