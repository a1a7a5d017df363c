package dev.cofferdam.app.ui.trace;

import dev.cofferdam.app.ui.common.FxTasks;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.trace.SessionRef;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceException;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.detect.Finding;
import dev.cofferdam.engine.trace.detect.Thresholds;
import dev.cofferdam.engine.trace.live.TranscriptTailer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Trace view's state: the sessions on disk, the open session analysed (timeline, findings,
 * context curve, allowed / should / did), the selected call with its input and result, and live
 * following of a growing transcript. Engine work runs on the background executor; FX thread only.
 */
public final class TraceViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TraceViewModel.class);

    private final UiThreads threads;
    private final TraceSource source;
    private final Supplier<RepoMap> currentMap;
    private final Thresholds thresholds;
    private final Duration liveInterval;
    private final TraceAnalysis.Maps maps = new TraceAnalysis.Maps();
    private final ObservableList<SessionRef> sessions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TraceAnalysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CallDetail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper selectedSeq = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringProperty sandbox = new SimpleStringProperty("");
    private LiveFeed feed;
    private FxTasks.Handle opening;
    private ToolCall selected;

    /**
     * @param threads      background and FX executors
     * @param source       sessions, parsing and the egress join
     * @param currentMap   the workbench's open map or null; read on the FX thread
     * @param thresholds   detector thresholds
     * @param liveInterval how often a followed transcript is polled
     */
    public TraceViewModel(UiThreads threads, TraceSource source, Supplier<RepoMap> currentMap, Thresholds thresholds,
                          Duration liveInterval) {
        this.threads = threads;
        this.source = source;
        this.currentMap = currentMap;
        this.thresholds = thresholds;
        this.liveInterval = liveInterval;
    }

    public TraceViewModel(UiThreads threads, TraceSource source, Supplier<RepoMap> currentMap) {
        this(threads, source, currentMap, Thresholds.DEFAULTS, TranscriptTailer.DEFAULT_INTERVAL);
    }

    /**
     * Lists the sessions on disk again. When the only one is the bundled sample session and
     * nothing is open, it is opened: a newcomer sees a trace without choosing anything.
     */
    public void refreshSessions() {
        FxTasks.create(source::sessions).onSuccess(list -> {
            sessions.setAll(list);
            if (list.size() == 1 && TraceLibrary.isSample(list.get(0)) && file.get() == null && !busy.get()) {
                open(Path.of(list.get(0).path()));
            }
        })
                .onError(Exception.class, e -> error.set("Cannot list sessions: " + e.getMessage()))
                .runOnce(threads);
    }

    /** Opens a transcript once (stops following any other). */
    public void open(Path transcript) {
        stopLive();
        cancelOpening();
        clearSelectionUnless(transcript);
        Path before = analysis.get() == null ? null : file.get();
        file.set(transcript);
        busy.set(true);
        error.set("");
        RepoMap map = currentMap.get();
        String box = sandbox.get();
        opening = FxTasks.create(() -> analyse(source.open(transcript), map, box))
                .onSuccess(this::show)
                .onError(TraceException.class, e -> {
                    file.set(before);
                    error.set(e.getMessage());
                })
                .onError(Exception.class, e -> {
                    LOG.error("opening {} failed", transcript, e);
                    file.set(before);
                    error.set("Cannot open " + transcript.getFileName() + ": " + e);
                })
                .andFinally(() -> busy.set(false))
                .runOnce(threads);
    }

    /** Follows a growing transcript: the view updates as the agent writes. */
    public void follow(Path transcript) {
        stopLive();
        cancelOpening();
        clearSelectionUnless(transcript);
        file.set(transcript);
        error.set("");
        RepoMap map = currentMap.get();
        String box = sandbox.get();
        feed = new LiveFeed(transcript, liveInterval, s -> analyse(s, map, box), threads.fx(), this::show);
        live.set(true);
        feed.start();
    }

    /** Stops following; what was shown stays. */
    public void stopLive() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        live.set(false);
    }

    private void clearSelectionUnless(Path same) {
        if (!same.equals(file.get())) {
            selected = null;
            selectedSeq.set(0);
            detail.set(null);
        }
    }

    private void cancelOpening() {
        if (opening != null) {
            opening.cancel();
            opening = null;
            busy.set(false);
        }
    }

    private TraceAnalysis analyse(TraceSession s, RepoMap map, String box) {
        return TraceAnalysis.of(s, thresholds, maps.of(map), box == null || box.isBlank() ? null : source.hosts(s, box));
    }

    private void show(TraceAnalysis a) {
        analysis.set(a);
        int seq = selectedSeq.get();
        if (seq > 0 && seq <= a.session().calls().size() && !a.session().call(seq).equals(selected)) {
            select(a.session().call(seq));
        }
    }

    /** Selects the main-session call with this seq and loads its input and result. */
    public void select(int seq) {
        TraceAnalysis a = analysis.get();
        if (a != null && seq >= 1 && seq <= a.session().calls().size()) {
            select(a.session().call(seq));
        }
    }

    /** Selects a call (of the session or of a sub-agent) and loads its input and result. */
    public void select(ToolCall call) {
        TraceAnalysis a = analysis.get();
        selected = call;
        boolean main = a != null && call.seq() <= a.session().calls().size() && a.session().call(call.seq()).equals(call);
        selectedSeq.set(main ? call.seq() : 0);
        Path transcript = Path.of(transcriptOf(a == null ? null : a.session(), call));
        FxTasks.create(() -> CallSourceReader.read(transcript, call))
                .onSuccess(d -> {
                    if (call == selected) {
                        detail.set(d);
                    }
                })
                .onError(Exception.class, e -> error.set("Cannot read the call: " + e.getMessage()))
                .runOnce(threads);
    }

    private String transcriptOf(TraceSession s, ToolCall call) {
        if (s != null) {
            for (TraceSession sub : s.subagents()) {
                if (sub.calls().contains(call) && !s.calls().contains(call)) {
                    return sub.source();
                }
            }
            return s.source();
        }
        return file.get() == null ? "" : file.get().toString();
    }

    /** Selects the first call a finding refers to. */
    public void selectFinding(Finding f) {
        if (!f.seqs().isEmpty()) {
            select(f.seqs().get(0));
        }
    }

    /** Stops following; call when the view goes away. */
    public void dispose() {
        stopLive();
        cancelOpening();
    }

    public ObservableList<SessionRef> sessions() {
        return sessions;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TraceAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CallDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedSeqProperty() {
        return selectedSeq.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The sandbox whose egress log is joined (blank: none). */
    public StringProperty sandboxProperty() {
        return sandbox;
    }

    /** @return the calls of the open session (empty when none) */
    public List<ToolCall> calls() {
        return analysis.get() == null ? List.of() : analysis.get().session().calls();
    }
}
