package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.ui.common.FxTasks;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Sandboxes panel: the live list (state, uptime, CPU, RSS), the lifecycle actions and the
 * selected sandbox's console log tail. {@link #refresh()} is called about once a second by the
 * view; a refresh still running is not started twice. All service calls run on the background
 * executor. FX thread only.
 */
public final class SandboxesViewModel {
    static final int CONSOLE_LINES = 200;

    private final UiThreads threads;
    private final Optional<SandboxService> service;
    private final ObservableList<SandboxInfo> sandboxes = FXCollections.observableArrayList();
    private final StringProperty selected = new SimpleStringProperty();
    private final ReadOnlyStringWrapper console = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private boolean refreshing;

    /** @param unavailable why there is no service (shown as the message), when {@code service} is empty */
    public SandboxesViewModel(UiThreads threads, Optional<SandboxService> service, String unavailable) {
        this.threads = threads;
        this.service = service;
        if (service.isEmpty()) {
            message.set("Sandboxes unavailable: " + unavailable);
        }
    }

    public boolean available() {
        return service.isPresent();
    }

    /** Reads the list and the selected sandbox's console tail off the FX thread. */
    public void refresh() {
        if (service.isEmpty() || refreshing) {
            return;
        }
        refreshing = true;
        String sel = selected.get();
        SandboxService s = service.get();
        FxTasks.create(() -> new Snapshot(s.list(), sel == null ? "" : consoleOf(s, sel)))
                .onSuccess(snap -> {
                    sandboxes.setAll(snap.list());
                    if (sel != null && sel.equals(selected.get())) {
                        console.set(snap.console());
                    }
                })
                .onError(SandboxException.class, e -> message.set(e.getMessage()))
                .andFinally(() -> refreshing = false)
                .runOnce(threads);
    }

    private static String consoleOf(SandboxService s, String name) {
        try {
            return s.logs(name, CONSOLE_LINES);
        } catch (SandboxException e) {
            return "";
        }
    }

    private record Snapshot(List<SandboxInfo> list, String console) {
    }

    public void start(String name) {
        act("starting " + name, () -> service.get().start(name));
    }

    public void stop(String name) {
        act("stopping " + name, () -> service.get().stop(name));
    }

    /** Removes the sandbox; the view asks for confirmation first. */
    public void remove(String name) {
        act("removing " + name, () -> {
            service.get().remove(name);
            return null;
        });
    }

    private void act(String doing, Callable<?> call) {
        if (service.isEmpty()) {
            return;
        }
        busy.set(true);
        message.set(doing + "…");
        FxTasks.create(call)
                .onSuccess(r -> message.set(""))
                .onError(SandboxException.class, e -> message.set(e.getMessage()))
                .andFinally(() -> {
                    busy.set(false);
                    refresh();
                })
                .runOnce(threads);
    }

    /** Shows a message from elsewhere (the launch dialog's result). */
    void say(String text) {
        message.set(text);
    }

    public ObservableList<SandboxInfo> sandboxes() {
        return sandboxes;
    }

    public StringProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty consoleProperty() {
        return console.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
