package dev.cofferdam.app.ui.trace;

import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.engine.map.RepoMap;
import java.util.function.Supplier;
import javafx.scene.control.Tab;

/** The Trace view as a workbench tab; lists the sessions the first time it is shown. FX thread only. */
public final class TraceTab extends Tab {
    private final TraceViewModel vm;
    private final TraceView view;

    /** @param currentMap the workbench's open map, or null when none is open (read on the FX thread) */
    public TraceTab(UiThreads threads, Supplier<RepoMap> currentMap) {
        super("Trace");
        setId("trace-tab");
        setClosable(false);
        vm = new TraceViewModel(threads, TraceLibrary.forUser(), currentMap);
        view = new TraceView(vm);
        setContent(view);
        selectedProperty().addListener((o, was, now) -> {
            if (now && vm.sessions().isEmpty()) {
                vm.refreshSessions();
            }
        });
    }

    public TraceView view() {
        return view;
    }

    /** Stops following a transcript. */
    public void dispose() {
        vm.dispose();
    }
}
