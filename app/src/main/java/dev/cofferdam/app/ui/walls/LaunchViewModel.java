package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.run.AgentRun;
import dev.cofferdam.app.run.RunAgent;
import dev.cofferdam.app.run.RunException;
import dev.cofferdam.app.ui.common.FxTasks;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.image.BuildListener;
import dev.cofferdam.vm.image.ImageException;
import dev.cofferdam.vm.image.ImageStore;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyException;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.SandboxSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
 * The launch dialog: name, workspace (direct or clone), template, CPUs, memory, an agent to start
 * in it, and a draft policy. {@link #launch(Consumer, Consumer)} writes the sandbox's policy file first (so the guest's first request
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
    private final StringProperty agent = new SimpleStringProperty(NO_AGENT);
    private final Optional<AgentRun.Context> agents;

    /** The agent choice meaning: just the sandbox. */
    public static final String NO_AGENT = "none";

    public LaunchViewModel(UiThreads threads, SandboxService service, PolicyStore store, PolicyViewModel policy) {
        this(threads, service, store, policy, Optional.empty());
    }

    /** @param agents what starting an agent needs (MCP routes, run records); empty: the agent choice is refused */
    public LaunchViewModel(UiThreads threads, SandboxService service, PolicyStore store, PolicyViewModel policy,
                           Optional<AgentRun.Context> agents) {
        this.threads = threads;
        this.service = service;
        this.store = store;
        this.policy = policy;
        this.agents = agents;
        policy.draft();
        agent.addListener((o, was, now) -> {
            if (!NO_AGENT.equals(now) && "tiny".equals(template.get())) {
                template.set("agent");
            }
            if (!NO_AGENT.equals(now) && memory.get() == SandboxSpec.DEFAULT_MEMORY_MIB) {
                memory.set(RunAgent.of(now).defaultMemoryMiB());
            }
        });
    }

    /** @return the agent choices: none, then claude, codex, gemini, shell */
    public static List<String> agentChoices() {
        List<String> all = new ArrayList<>(List.of(NO_AGENT));
        for (RunAgent a : RunAgent.values()) {
            all.add(a.id());
        }
        return all;
    }

    /** @return the built-in templates, then those built from OCI images (read when the dialog opens) */
    public List<String> templates() {
        try {
            return service.images().known();
        } catch (ImageException e) {
            return ImageStore.TEMPLATES;
        }
    }

    /** Builds the spec from the fields; a workspace that is not absolute is refused by the service. */
    SandboxSpec spec() {
        String ws = workspace.get().strip();
        Optional<Path> dir = ws.isEmpty() ? Optional.empty() : Optional.of(Path.of(ws));
        return new SandboxSpec(name.get().strip(), template.get(), cpus.get(), memory.get(), dir, clone.get());
    }

    /** As {@link #launch(Consumer, Consumer)} for a sandbox without an agent. */
    public void launch(Consumer<SandboxInfo> done) {
        launch(done, AgentRun::close);
    }

    /**
     * Validates, writes the draft policy, creates and boots; {@code done} gets the new sandbox. With
     * an agent chosen, the sandbox is prepared for it as {@code cofferdam run} does and
     * {@code agentStarted} gets the run, whose command the caller attaches a terminal to (and
     * whose {@link AgentRun#finish} it calls when that command exits).
     */
    public void launch(Consumer<SandboxInfo> done, Consumer<AgentRun> agentStarted) {
        if (!NO_AGENT.equals(agent.get())) {
            launchAgent(done, agentStarted);
            return;
        }
        SandboxSpec spec = spec();
        if (spec.name().isEmpty()) {
            error.set("give the sandbox a name (lower case letters, digits and dashes)");
            return;
        }
        PolicyDocument doc = policy.document();
        launchTask("starting " + spec.name() + "…", () -> {
            for (SandboxInfo s : service.list()) {
                if (s.name().equals(spec.name())) {
                    throw new SandboxException("a sandbox named " + spec.name() + " already exists");
                }
            }
            PolicyDocument before = store.read(spec.name());
            store.write(spec.name(), doc);
            try {
                return service.create(spec, progressOnFx());
            } catch (SandboxException | RuntimeException e) {
                store.write(spec.name(), before);
                throw e;
            }
        }, done);
    }

    /** Runs a launch off the FX thread: busy meanwhile, progress shown, a failure's message inline. */
    private <T> void launchTask(String starting, Callable<T> work, Consumer<T> done) {
        busy.set(true);
        error.set("");
        progress.set(starting);
        FxTasks.create(work).onSuccess(result -> {
            progress.set("");
            done.accept(result);
        }).onError(RunException.class, e -> error.set(e.getMessage()))
                .onError(SandboxException.class, e -> error.set(e.getMessage()))
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

    private BuildListener progressOnFx() {
        return (step, n, total) -> threads.fx().execute(() -> progress.set("[" + n + "/" + total + "] " + step));
    }

    private record Started(AgentRun run, SandboxInfo info) {
    }

    private void launchAgent(Consumer<SandboxInfo> done, Consumer<AgentRun> agentStarted) {
        RunAgent which = RunAgent.of(agent.get());
        String ws = workspace.get().strip();
        if (agents.isEmpty()) {
            error.set("agents cannot start here: the egress proxy is not running in this workbench");
            return;
        }
        if (ws.isEmpty()) {
            error.set("an agent needs a workspace: choose the repository it works on");
            return;
        }
        Path dir = Path.of(ws);
        String sandbox = name.get().strip().isEmpty() ? AgentRun.defaultName(which, dir) : name.get().strip();
        name.set(sandbox);
        AgentRun.Request req = new AgentRun.Request(which, dir, sandbox, clone.get(), template.get(), cpus.get(),
                memory.get(), Optional.empty(), false);
        PolicyDocument doc = policy.document();
        launchTask("starting " + which.title() + " in " + sandbox + "…", () -> {
            boolean exists = service.list().stream().anyMatch(s -> s.name().equals(sandbox));
            PolicyDocument before = store.read(sandbox);
            if (!exists) {
                store.write(sandbox, doc);
            }
            try {
                AgentRun run = AgentRun.start(req, agents.get(), progressOnFx());
                return new Started(run, service.get(sandbox));
            } catch (RunException | SandboxException | RuntimeException e) {
                if (!exists) {
                    store.write(sandbox, before);
                }
                throw e;
            }
        }, started -> {
            done.accept(started.info());
            agentStarted.accept(started.run());
        });
    }

    /** @return the agent to start: {@link #NO_AGENT} or an id of {@link RunAgent} */
    public StringProperty agentProperty() {
        return agent;
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
