package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.ui.common.FxTasks;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.image.ImageStore;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyException;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.SandboxSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The launch dialog: name, workspace (direct or clone), template, CPUs, memory and a draft policy.
 * {@link #launch(Consumer)} writes the sandbox's policy file first (so the guest's first request
 * is already decided by it), then creates and boots the sandbox; when the service refuses, the
 * previous policy file is put back and its validation message is shown inline, with every field
 * kept. FX thread only.
 */
public final class LaunchViewModel {
    private final UiThreads threads;
    private final SandboxService service;
    private final PolicyStore store;
    private final PolicyViewModel policy;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty workspace = new SimpleStringProperty("");
    private final BooleanProperty clone = new SimpleBooleanProperty();
    private final StringProperty template = new SimpleStringProperty("tiny");
    private final IntegerProperty cpus = new SimpleIntegerProperty(SandboxSpec.DEFAULT_CPUS);
    private final IntegerProperty memory = new SimpleIntegerProperty(SandboxSpec.DEFAULT_MEMORY_MIB);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public LaunchViewModel(UiThreads threads, SandboxService service, PolicyStore store, PolicyViewModel policy) {
        this.threads = threads;
        this.service = service;
        this.store = store;
        this.policy = policy;
        policy.draft();
    }

    public static List<String> templates() {
        return ImageStore.TEMPLATES;
    }

    /** Builds the spec from the fields; a workspace that is not absolute is refused by the service. */
    SandboxSpec spec() {
        String ws = workspace.get().strip();
        Optional<Path> dir = ws.isEmpty() ? Optional.empty() : Optional.of(Path.of(ws));
        return new SandboxSpec(name.get().strip(), template.get(), cpus.get(), memory.get(), dir, clone.get());
    }

    /** Validates, writes the draft policy, creates and boots; {@code done} gets the new sandbox. */
    public void launch(Consumer<SandboxInfo> done) {
        SandboxSpec spec = spec();
        if (spec.name().isEmpty()) {
            error.set("give the sandbox a name (lower case letters, digits and dashes)");
            return;
        }
        PolicyDocument doc = policy.document();
        busy.set(true);
        error.set("");
        progress.set("starting " + spec.name() + "…");
        FxTasks.create(() -> {
            for (SandboxInfo s : service.list()) {
                if (s.name().equals(spec.name())) {
                    throw new SandboxException("a sandbox named " + spec.name() + " already exists");
                }
            }
            PolicyDocument before = store.read(spec.name());
            store.write(spec.name(), doc);
            try {
                return service.create(spec, (step, n, total) -> threads.fx().execute(
                        () -> progress.set("[" + n + "/" + total + "] " + step)));
            } catch (SandboxException | RuntimeException e) {
                store.write(spec.name(), before);
                throw e;
            }
        }).onSuccess(info -> {
            progress.set("");
            done.accept(info);
        }).onError(SandboxException.class, e -> error.set(e.getMessage()))
                .onError(PolicyException.class, e -> error.set(e.getMessage()))
                .onError(IllegalArgumentException.class, e -> error.set(e.getMessage()))
                .andFinally(() -> {
                    busy.set(false);
                    if (!error.get().isEmpty()) {
                        progress.set("");
                    }
                })
                .runOnce(threads);
    }

    public PolicyViewModel policy() {
        return policy;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty workspaceProperty() {
        return workspace;
    }

    public BooleanProperty cloneProperty() {
        return clone;
    }

    public StringProperty templateProperty() {
        return template;
    }

    public IntegerProperty cpusProperty() {
        return cpus;
    }

    public IntegerProperty memoryProperty() {
        return memory;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
