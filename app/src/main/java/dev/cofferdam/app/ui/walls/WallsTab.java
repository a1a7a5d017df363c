package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.ui.common.FxTasks;
import dev.cofferdam.app.ui.common.UiThreads;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's Walls tab: opens the vm services off the FX thread (egress runtime, policy
 * store, sandbox service), then shows the {@link WallsView}. Closes them in {@link #dispose()}.
 */
public final class WallsTab extends Tab {
    private static final Logger LOG = LoggerFactory.getLogger(WallsTab.class);

    private WallsWiring wiring;
    private WallsView view;
    private boolean disposed;

    public WallsTab(UiThreads threads) {
        super("Walls");
        setId("wallsTab");
        setContent(new Label("Opening the egress log and the sandboxes…"));
        FxTasks.create(WallsWiring::open)
                .onSuccess(w -> {
                    if (disposed) {
                        w.close();
                        return;
                    }
                    wiring = w;
                    view = new WallsView(threads, w.services());
                    setContent(view);
                })
                .onError(Exception.class, e -> {
                    LOG.error("Walls unavailable", e);
                    Label l = new Label("Walls unavailable: " + e.getMessage());
                    l.getStyleClass().add("error-text");
                    setContent(l);
                })
                .runOnce(threads);
    }

    public void dispose() {
        disposed = true;
        if (view != null) {
            view.dispose();
        }
        if (wiring != null) {
            wiring.close();
        }
    }
}
