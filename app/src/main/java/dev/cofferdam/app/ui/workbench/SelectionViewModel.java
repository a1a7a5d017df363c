package dev.cofferdam.app.ui.workbench;

import dev.cofferdam.app.ui.blast.BlastSource;
import dev.cofferdam.app.ui.common.FxTasks;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.app.ui.details.Facts;
import dev.cofferdam.app.ui.details.FactsBuilder;
import dev.cofferdam.app.ui.graph.Highlight;
import dev.cofferdam.app.ui.map.MapIndex;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.blast.BlastReport;
import dev.cofferdam.engine.blast.BlastResult;
import dev.cofferdam.engine.blast.Impact;
import dev.cofferdam.engine.blast.SeedSpec;
import dev.cofferdam.engine.context.ContextPackBuilder;
import dev.cofferdam.engine.git.CoChange;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The selected module, file, type or diff; its blast radius (computed in the background), the
 * highlight it gives the graph, and its facts for the details pane. FX thread only.
 */
public final class SelectionViewModel {
    private final UiThreads threads;
    /** Token budget of the context pack copied for an agent. */
    static final int CONTEXT_BUDGET = 4000;

    private final BlastSource blastSource;
    private final ReadOnlyObjectWrapper<Target> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BlastResult> blast = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<CoChange>> history = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Highlight> highlight = new ReadOnlyObjectWrapper<>(Highlight.NONE);
    private final ReadOnlyObjectWrapper<Facts> facts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private MapIndex index;
    private Path root;
    private FxTasks.Handle running;
    private BlastReport report;

    public SelectionViewModel(UiThreads threads, BlastSource blastSource) {
        this.threads = threads;
        this.blastSource = blastSource;
    }

    /** A new map was opened: the selection is cleared. */
    void show(MapIndex index, Path root) {
        this.index = index;
        this.root = root;
        clear();
    }

    public void clear() {
        cancelRunning();
        selection.set(null);
        report = null;
        blast.set(null);
        history.set(List.of());
        facts.set(null);
        highlight.set(Highlight.NONE);
        error.set("");
    }

    public void select(Target target) {
        if (index == null || target == null) {
            clear();
            return;
        }
        FactsBuilder builder = new FactsBuilder(index);
        facts.set(switch (target.kind()) {
            case MODULE -> builder.module(target.id()).orElse(null);
            case FILE -> builder.file(target.id()).orElse(null);
            case TYPE -> index.type(target.id()).flatMap(t -> builder.file(t.file())).orElse(null);
            case DIFF -> null;
        });
        selection.set(target);
        run(target, SeedSpec.of(List.of(target.id())));
    }

    /**
     * Blast radius of a git range ({@code A..B}) or, when {@code range} is blank, of the uncommitted
     * working tree (the engine's diff seeds; deleted files count through what referred to them).
     */
    public void diff(String range) {
        if (index == null) {
            return;
        }
        String r = range == null ? "" : range.trim();
        Target target = new Target(Target.Kind.DIFF, r);
        facts.set(null);
        selection.set(target);
        run(target, r.isEmpty() ? new SeedSpec(List.of(), null, null, true) : new SeedSpec(List.of(), r, null, false));
    }

    private void run(Target target, SeedSpec spec) {
        cancelRunning();
        busy.set(true);
        error.set("");
        report = null;
        blast.set(null);
        history.set(List.of());
        highlight.set(new Highlight(Set.of(target.id()), Map.of()));
        MapIndex current = index;
        Path at = root;
        running = FxTasks.create(() -> blastSource.blast(current.map(), at, spec))
                .onSuccess(r -> {
                    report = r;
                    history.set(r.history());
                    blast.set(r.result());
                    highlight.set(highlightOf(target, r.result()));
                })
                .onError(AnalysisException.class, e -> error.set(e.getMessage()))
                .onError(Exception.class, e -> error.set("blast radius failed: " + e))
                .andFinally(() -> busy.set(false))
                .runOnce(threads);
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel();
            running = null;
            busy.set(false);
        }
    }

    private Highlight highlightOf(Target target, BlastResult r) {
        Set<String> selected = new HashSet<>(r.seeds());
        selected.add(target.id());
        for (String seed : r.seeds()) {
            String module = index.moduleOf(seed);
            if (module != null) {
                selected.add(module);
            }
        }
        Map<String, Integer> distance = new HashMap<>();
        for (List<Impact> list : List.of(r.impacted(), r.tests())) {
            for (Impact i : list) {
                distance.merge(i.path(), i.distance(), Math::min);
                String module = index.displayModule(i.module());
                if (!selected.contains(module)) {
                    distance.merge(module, i.distance(), Math::min);
                }
            }
        }
        selected.forEach(distance::remove);
        return new Highlight(selected, distance);
    }

    /** The blast radius as the engine's Markdown context pack for an agent; empty when nothing is selected. */
    public String contextPack() {
        return report == null ? "" : ContextPackBuilder.build(index.map(), report, CONTEXT_BUDGET).markdown();
    }

    /** Files that changed together with the seeds in git history (shown apart, labelled as history). */
    public ReadOnlyObjectProperty<List<CoChange>> historyProperty() {
        return history.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Target> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BlastResult> blastProperty() {
        return blast.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Highlight> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Facts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
