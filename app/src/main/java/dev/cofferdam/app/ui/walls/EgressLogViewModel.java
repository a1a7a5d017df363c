package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.ui.common.FxTasks;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.egress.EgressLog;
import dev.cofferdam.vm.egress.EgressLogException;
import dev.cofferdam.vm.egress.EgressQuery;
import dev.cofferdam.vm.egress.EgressRecord;
import dev.cofferdam.vm.egress.HostSummary;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live egress log: the latest records from the store, then every record the log's listeners
 * announce (appended, then again when completed), batched onto the FX thread: however fast the
 * proxy writes, at most one update is pending on the FX thread. Paused, records wait in the queue
 * and arrive on resume. Keeps the newest {@value #MAX_ROWS} rows. FX thread only, except the
 * listener.
 */
public final class EgressLogViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EgressLogViewModel.class);
    static final int MAX_ROWS = 5000;

    /** The two export formats, both written by the egress log's own exporters. */
    public enum Format { JSONL, CSV }

    private final UiThreads threads;
    private final EgressLog log;
    private final ConcurrentLinkedQueue<EgressRecord> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean posted = new AtomicBoolean();
    private final ObservableList<EgressRecord> records = FXCollections.observableArrayList();
    private final FilteredList<EgressRecord> visible = new FilteredList<>(records, r -> true);
    private final Map<Long, Integer> rowOfId = new HashMap<>();
    private final ObjectProperty<EgressFilter> filter = new SimpleObjectProperty<>(EgressFilter.NONE);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final ReadOnlyIntegerWrapper queued = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<String> sandboxes = FXCollections.observableArrayList();
    private final ObservableList<HostSummary> hosts = FXCollections.observableArrayList();
    private AutoCloseable subscription;
    private volatile boolean closed;

    public EgressLogViewModel(UiThreads threads, EgressLog log) {
        this.threads = threads;
        this.log = log;
        filter.addListener((o, was, now) -> visible.setPredicate(now));
        paused.addListener((o, was, now) -> {
            if (!now) {
                post();
            }
        });
    }

    /** Subscribes to the log's listeners, then loads the latest stored records. */
    public void start() {
        subscription = log.subscribe(this::offer);
        FxTasks.create(() -> {
            List<EgressRecord> all = log.query(EgressQuery.all());
            return all.subList(Math.max(0, all.size() - MAX_ROWS), all.size());
        }).onSuccess(this::merge)
                .onError(EgressLogException.class, e -> status.set(e.getMessage()))
                .runOnce(threads);
    }

    /** Called by the log on the writer's thread: queue and post at most one flush. */
    private void offer(EgressRecord r) {
        if (closed) {
            return;
        }
        incoming.add(r);
        post();
    }

    private void post() {
        if (posted.compareAndSet(false, true)) {
            threads.fx().execute(this::flush);
        }
    }

    private void flush() {
        posted.set(false);
        if (paused.get()) {
            queued.set(incoming.size());
            return;
        }
        List<EgressRecord> batch = new ArrayList<>();
        for (EgressRecord r = incoming.poll(); r != null; r = incoming.poll()) {
            batch.add(r);
        }
        queued.set(0);
        merge(batch);
    }

    private void merge(List<EgressRecord> batch) {
        List<EgressRecord> added = new ArrayList<>();
        for (EgressRecord r : batch) {
            Integer row = rowOfId.get(r.id());
            if (row != null) {
                records.set(row, r);
            } else {
                Integer pending = indexIn(added, r.id());
                if (pending != null) {
                    added.set(pending, r);
                } else {
                    added.add(r);
                }
            }
        }
        records.addAll(added);
        for (int i = records.size() - added.size(); i < records.size(); i++) {
            rowOfId.put(records.get(i).id(), i);
            if (!sandboxes.contains(records.get(i).sandbox())) {
                sandboxes.add(records.get(i).sandbox());
                FXCollections.sort(sandboxes);
            }
        }
        if (records.size() > MAX_ROWS) {
            records.remove(0, records.size() - MAX_ROWS);
            rowOfId.clear();
            for (int i = 0; i < records.size(); i++) {
                rowOfId.put(records.get(i).id(), i);
            }
        }
        if (!batch.isEmpty()) {
            summarize();
        }
    }

    private static Integer indexIn(List<EgressRecord> list, long id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == id) {
                return i;
            }
        }
        return null;
    }

    /** The aggregated per-host view of the sandbox filter (all sandboxes when none), from the store. */
    public void summarize() {
        String sandbox = filter.get().sandbox().isEmpty() ? null : filter.get().sandbox();
        FxTasks.create(() -> log.hosts(sandbox))
                .onSuccess(hosts::setAll)
                .onError(EgressLogException.class, e -> status.set(e.getMessage()))
                .runOnce(threads);
    }

    /**
     * Exports the records of the sandbox filter (all sandboxes when none) through the log's own
     * exporter; the status line says how it went.
     */
    public void export(Path file, Format format) {
        String sandbox = filter.get().sandbox().isEmpty() ? null : filter.get().sandbox();
        EgressQuery q = sandbox == null ? EgressQuery.all() : EgressQuery.sandbox(sandbox);
        FxTasks.create(() -> {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                if (format == Format.JSONL) {
                    log.exportJsonl(q, w);
                } else {
                    log.exportCsv(q, w);
                }
            }
            return file;
        }).onSuccess(f -> status.set("exported to " + f))
                .onError(EgressLogException.class, e -> status.set(e.getMessage()))
                .onError(IOException.class, e -> status.set("cannot write " + file + ": " + e.getMessage()))
                .runOnce(threads);
    }

    public void setFilter(String text, String decision, String sandbox) {
        filter.set(new EgressFilter(text == null ? "" : text, decision == null ? "" : decision,
                sandbox == null ? "" : sandbox));
        summarize();
    }

    public FilteredList<EgressRecord> visible() {
        return visible;
    }

    public ObservableList<EgressRecord> records() {
        return records;
    }

    public ObservableList<String> sandboxes() {
        return sandboxes;
    }

    public ObservableList<HostSummary> hosts() {
        return hosts;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public ReadOnlyIntegerProperty queuedProperty() {
        return queued.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The decision filter's choices: both (empty), allow, deny. */
    public static List<String> decisions() {
        return List.of("", "allow", "deny");
    }

    @Override
    public void close() {
        closed = true;
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("unsubscribing from the egress log", e);
            }
        }
    }
}
