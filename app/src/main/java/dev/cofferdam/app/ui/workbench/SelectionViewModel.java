package dev.cofferdam.app.ui.workbench;

import dev.cofferdam.app.ui.blast.BlastRadius;
import dev.cofferdam.app.ui.blast.ChangedFiles;
import dev.cofferdam.app.ui.blast.ContextPackFormatter;
import dev.cofferdam.app.ui.common.FxTasks;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.app.ui.details.Facts;
import dev.cofferdam.app.ui.details.FactsBuilder;
import dev.cofferdam.app.ui.graph.Highlight;
import dev.cofferdam.app.ui.map.MapIndex;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.blast.BlastQuery;
import dev.cofferdam.engine.blast.BlastResult;
import dev.cofferdam.engine.blast.Impact;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
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
    private final BlastRadius blastRadius;
    private final ChangedFiles changedFiles;
    private final ReadOnlyObjectWrapper<Target> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BlastResult> blast = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Highlight> highlight = new ReadOnlyObjectWrapper<>(Highlight.NONE);
    private final ReadOnlyObjectWrapper<Facts> facts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private MapIndex index;
    private Path root;
    private FxTasks.Handle running;

    public SelectionViewModel(UiThreads threads, BlastRadius blastRadius, ChangedFiles changedFiles) {
        this.threads = threads;
        this.blastRadius = blastRadius;
        this.changedFiles = changedFiles;
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
        blast.set(null);
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
        String seed = target.id();
        run(target, () -> blastRadius.of(index.map(), new BlastQuery(List.of(seed), 0)));
    }

    /**
     * Blast radius of a git range ({@code A..B}) or, when {@code range} is blank, of the uncommitted
     * working tree. Changed files the map does not know (deleted, not source) are left out.
     */
    public void diff(String range) {
        if (index == null) {
            return;
        }
        String r = range == null ? "" : range.trim();
        Target target = new Target(Target.Kind.DIFF, r);
        MapIndex current = index;
        Path at = root;
        facts.set(null);
        selection.set(target);
        run(target, () -> {
            List<String> seeds = changedFiles.of(at, r).stream().filter(p -> current.file(p).isPresent()).toList();
            if (seeds.isEmpty()) {
                throw new AnalysisException("no mapped source file changed in " + target.title());
            }
            return blastRadius.of(current.map(), new BlastQuery(seeds, 0));
        });
    }

    private void run(Target target, Callable<BlastResult> call) {
        cancelRunning();
        busy.set(true);
        error.set("");
        blast.set(null);
        highlight.set(new Highlight(Set.of(target.id()), Map.of()));
        running = FxTasks.create(call)
                .onSuccess(result -> {
                    blast.set(result);
                    highlight.set(highlightOf(target, result));
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
                if (!selected.contains(i.module())) {
                    distance.merge(i.module(), i.distance(), Math::min);
                }
            }
        }
        selected.forEach(distance::remove);
        return new Highlight(selected, distance);
    }

    /** The blast radius as a Markdown context pack for an agent; empty when nothing is selected. */
    public String contextPack() {
        BlastResult r = blast.get();
        return r == null ? "" : ContextPackFormatter.format(String.valueOf(root), r);
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
