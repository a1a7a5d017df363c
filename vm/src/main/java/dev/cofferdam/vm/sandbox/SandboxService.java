package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.image.BuildListener;
import dev.cofferdam.vm.image.GuestImage;
import dev.cofferdam.vm.image.ImageException;
import dev.cofferdam.vm.image.ImageStore;
import dev.cofferdam.vm.qemu.Accelerator;
import dev.cofferdam.vm.qemu.AcceleratorProbe;
import dev.cofferdam.vm.qemu.ConsoleLog;
import dev.cofferdam.vm.qemu.DetachedProcess;
import dev.cofferdam.vm.qemu.HostInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, runs and removes sandboxes (QEMU microVMs with an exec agent). State is kept in
 * SQLite; QEMU processes run detached, so they outlive this service, and a new service
 * re-adopts those still answering. Thread-safe: lifecycle operations are serialized per
 * service; exec calls run concurrently (up to {@value VmLauncher#EXEC_PORTS} per sandbox).
 */
public final class SandboxService implements AutoCloseable {
    /** How long a guest agent may take to answer the handshake of a new exec session. */
    private static final Duration HANDSHAKE = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(SandboxService.class);
    /** How long a broken exec channel waits for QEMU to exit, to tell a stopped sandbox from a fault. */
    private static final Duration LOST_GRACE = Duration.ofSeconds(3);

    /**
     * @param bootTimeout how long to wait for the guest agent after starting QEMU
     * @param accelerator force an accelerator instead of probing KVM
     */
    public record Options(Duration bootTimeout, Optional<Accelerator> accelerator) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(60), Optional.empty());
        }
    }

    private final VmDirs dirs;
    private final ImageStore images;
    private final EgressRelay relay;
    private final Options options;
    private final SandboxStore store;
    private final HostInfo host = HostInfo.read();
    private final AcceleratorProbe probe;

    /** Opens the store and re-adopts sandboxes whose QEMU still runs. */
    public SandboxService(VmDirs dirs, EgressRelay relay, Options options) throws SandboxException {
        this.dirs = dirs;
        this.images = new ImageStore(dirs.images());
        this.relay = relay;
        this.options = options;
        this.store = new SandboxStore(dirs.database());
        this.probe = new AcceleratorProbe(dirs.cache());
        for (SandboxRecord r : store.all()) {
            if (r.wantRunning() && answers(r)) {
                try {
                    relay.endpoint(r.name(), runDir(r.name()));
                    LOG.debug("re-adopted sandbox {} (QEMU pid {})", r.name(), r.qemuPid());
                } catch (IOException e) {
                    LOG.warn("sandbox {}: egress endpoint not restored: {}", r.name(), e.getMessage());
                }
            }
        }
    }

    /** @return whether this process serves the running sandbox's egress (see {@link EgressRelay#servesHere}) */
    public boolean egressServedHere(String name) {
        return relay.servesHere(name);
    }

    public ImageStore images() {
        return images;
    }

    /**
     * Creates a sandbox and boots it; builds its image first if needed.
     *
     * @throws SandboxException on invalid input (unknown template, missing workspace, duplicate
     *                          name, resources beyond the host) or when the VM does not boot
     */
    public synchronized SandboxInfo create(SandboxSpec spec, BuildListener listener) throws SandboxException {
        SpecValidator.validate(spec, host, dirs.data(), runDir(spec.name()));
        if (store.get(spec.name()).isPresent()) {
            throw new SandboxException("a sandbox named " + spec.name() + " already exists");
        }
        if (spec.cloneWorkspace()) {
            if (spec.workspace().isEmpty()) {
                throw new SandboxException("--clone needs --workspace (the git repository to clone)");
            }
            WorkspaceClone.validate(spec.workspace().get());
        }
        GuestImage image = image(spec.template(), listener);
        long now = System.currentTimeMillis();
        SandboxRecord rec = new SandboxRecord(spec, image.dir(), Accelerator.TCG, "", false, 0, 0, now, now);
        store.put(rec);
        try {
            if (spec.cloneWorkspace()) {
                WorkspaceClone.create(spec.workspace().get(), cloneDir(spec.name()));
            }
            return boot(rec, image);
        } catch (SandboxException e) {
            removeQuietly(spec.name());
            throw e;
        }
    }

    /** Boots a stopped or crashed sandbox; a running one is left alone. */
    public synchronized SandboxInfo start(String name) throws SandboxException {
        SandboxRecord r = record(name);
        if (r.wantRunning() && answers(r)) {
            return info(r);
        }
        SpecValidator.checkHost(dirs.data());
        cleanup(r);
        return boot(r, image(r.spec().template(), BuildListener.NONE));
    }

    private SandboxInfo boot(SandboxRecord r, GuestImage image) throws SandboxException {
        AcceleratorProbe.Verdict accel = options.accelerator()
                .map(a -> new AcceleratorProbe.Verdict(a, "forced by configuration"))
                .orElseGet(() -> probe.probe(image.kernel()));
        Path run = runDir(r.name());
        try {
            Files.createDirectories(run);
            String endpoint = relay.endpoint(r.name(), run);
            Optional<Path> shared = r.spec().cloneWorkspace() ? Optional.of(cloneDir(r.name())) : r.spec().workspace();
            VmLauncher.Running vm = VmLauncher.boot(r.spec(), shared, image, accel, host, run, endpoint,
                    options.bootTimeout());
            String note = accel.accelerator() == Accelerator.TCG ? "TCG (no KVM): " + accel.reason() : "";
            SandboxRecord started = r.started(image.dir(), accel.accelerator(), note, vm.qemuPid(),
                    vm.virtiofsdPid(), System.currentTimeMillis());
            store.put(started);
            installGuestFiles(r.name());
            return info(started);
        } catch (IOException e) {
            relay.release(r.name());
            throw new SandboxException("starting sandbox " + r.name() + " failed: " + e.getMessage(), false, e);
        } catch (SandboxException e) {
            relay.release(r.name());
            throw e;
        }
    }

    /**
     * Writes the relay's files (the CA certificate) into a freshly booted guest, then runs the
     * relay's set-up command (building the CA bundle). A failure only costs TLS to credential
     * hosts, so it is logged rather than failing the boot.
     */
    private void installGuestFiles(String name) {
        Map<String, String> files = relay.guestFiles();
        for (Map.Entry<String, String> f : files.entrySet()) {
            try {
                GuestFiles.install(this, name, f.getKey(), f.getValue());
            } catch (SandboxException e) {
                LOG.warn("sandbox {}: {}", name, e.getMessage());
            }
        }
        List<String> setup = relay.guestSetup();
        if (!files.isEmpty() && !setup.isEmpty()) {
            try {
                ExecResult r = exec(name, ExecRequest.of(setup.toArray(String[]::new)), (isErr, d, n) -> { });
                if (r.exitCode() != 0) {
                    LOG.warn("sandbox {}: guest set-up {} exited {}", name, setup.get(0), r.exitCode());
                }
            } catch (SandboxException e) {
                LOG.warn("sandbox {}: guest set-up failed: {}", name, e.getMessage());
            }
        }
    }

    /**
     * Runs a command in a running sandbox to its end, streaming its output to {@code listener}
     * and feeding it the request's stdin stream (if any): an {@link ExecSession} waited for.
     *
     * @return the command's exit code and duration
     * @throws SandboxException when the sandbox is not running or stops meanwhile, or the channel fails
     */
    public ExecResult exec(String name, ExecRequest req, ExecListener listener) throws SandboxException {
        return open(name, req.withStdin(null), listener).runToExit(req.stdin());
    }

    /**
     * Starts a command in a running sandbox and returns at once with its session, through which
     * the caller feeds its input, resizes its terminal, signals it and waits for it. The caller
     * must close the session.
     *
     * @param req      the command; its stdin stream must be null (input goes through
     *                 {@link ExecSession#write})
     * @param listener receives the output on the session's reader thread
     * @throws SandboxException when the sandbox is not running or no exec port is free
     */
    public ExecSession open(String name, ExecRequest req, ExecListener listener) throws SandboxException {
        if (req.stdin() != null) {
            throw new IllegalArgumentException("open(...) takes input through ExecSession.write, not a stdin stream");
        }
        SandboxRecord r = record(name);
        requireRunning(r);
        Map<String, String> env = ExecEnvironment.of(req, relay.guestEnvironment());
        String cwd = !req.cwd().isEmpty() ? req.cwd() : r.spec().workspace().map(Path::toString).orElse("/root");
        AgentChannel ch;
        try {
            ch = AgentChannel.open(VmLauncher.execSockets(runDir(name)));
        } catch (IOException e) {
            throw new SandboxException("exec in sandbox " + name + " failed: " + e.getMessage(), false, e);
        }
        try {
            // A handshake before the command: the guest may see the new connection's bytes before it
            // learns the port's previous connection closed, and it kills what a closed port started.
            // Its answer waits until the port is open again in the guest, so by then the old hang-up
            // is behind us and cannot kill the new command (seen as exit 137 without it).
            ch.ping(HANDSHAKE);
        } catch (IOException e) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new SandboxException("exec in sandbox " + name + " failed: " + e.getMessage(), false, e);
        }
        return ExecSession.start(ch, name, req, env, cwd, listener, e -> lost(r, e));
    }

    /** Why a session's channel broke: mostly because the sandbox was stopped or removed meanwhile. */
    private static SandboxException lost(SandboxRecord r, IOException e) {
        if (DetachedProcess.waitGone(r.qemuPid(), VmLauncher.marker(r.name()), LOST_GRACE)) {
            return new SandboxException("sandbox " + r.name() + " was stopped or removed while the command ran",
                    false, e);
        }
        return new SandboxException("exec in sandbox " + r.name() + " failed: " + e.getMessage(), false, e);
    }

    /**
     * Powers the guest off (QMP quit after a short grace), ends its virtiofsd. Idempotent.
     * A {@code --clone} sandbox's changes are then brought back as branch {@code cofferdam/<name>}.
     */
    public synchronized SandboxInfo stop(String name) throws SandboxException {
        SandboxRecord r = record(name);
        cleanup(r);
        bringBack(r);
        SandboxRecord stopped = r.stopped();
        store.put(stopped);
        return info(stopped);
    }

    /**
     * Removes a sandbox and everything it left: processes, sockets, logs, its directory, its row.
     * A {@code --clone} sandbox's changes are first brought back as branch {@code cofferdam/<name>}.
     */
    public synchronized void remove(String name) throws SandboxException {
        SandboxRecord r = record(name);
        cleanup(r);
        bringBack(r);
        removeQuietly(name);
    }

    /**
     * Brings a {@code --clone} sandbox's changes back to its repository as {@code cofferdam/<name>}
     * (the guest may keep running; call it after a command finished).
     *
     * @return the branch name, or empty when nothing changed or the sandbox has no clone
     */
    public synchronized Optional<String> collect(String name) throws SandboxException {
        return bringBack(record(name)) ? Optional.of(WorkspaceClone.branch(name)) : Optional.empty();
    }

    private boolean bringBack(SandboxRecord r) throws SandboxException {
        if (!r.spec().cloneWorkspace() || r.spec().workspace().isEmpty()) {
            return false;
        }
        return WorkspaceClone.bringBack(r.name(), r.spec().workspace().get(), cloneDir(r.name()));
    }

    private Path cloneDir(String name) {
        return dirs.sandboxDir(name).resolve("clone");
    }

    private void removeQuietly(String name) throws SandboxException {
        Optional<SandboxRecord> r = store.get(name);
        if (r.isPresent()) {
            cleanup(r.get());
        }
        try {
            ImageStore.deleteTree(dirs.sandboxDir(name));
        } catch (IOException e) {
            throw new SandboxException("removing " + dirs.sandboxDir(name) + " failed: " + e.getMessage(), false, e);
        }
        store.delete(name);
    }

    /** Ends the VM's processes (gracefully first), releases its egress endpoint, clears its sockets. */
    private void cleanup(SandboxRecord r) {
        SandboxMonitor.shutdown(r, runDir(r.name()));
        relay.release(r.name());
        try (var files = Files.list(runDir(r.name()))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".sock") || p.toString().endsWith(".lock")).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.debug("sandbox {}: sockets not cleared: {}", r.name(), e.getMessage());
        }
    }

    /** Every sandbox with its state and resource use now. */
    public List<SandboxInfo> list() throws SandboxException {
        List<SandboxInfo> out = new ArrayList<>();
        for (SandboxRecord r : store.all()) {
            out.add(info(r));
        }
        return out;
    }

    public SandboxInfo get(String name) throws SandboxException {
        return info(record(name));
    }

    /** The last lines of the guest's console. */
    public String logs(String name, int lines) throws SandboxException {
        record(name);
        return ConsoleLog.tail(runDir(name).resolve("console.log"), lines);
    }

    /**
     * Writes text to a file in a running guest, creating its folder (configuration files).
     *
     * @throws SandboxException when the sandbox is not running or the guest cannot write it
     */
    public void writeFile(String name, String guestPath, String content) throws SandboxException {
        GuestFiles.install(this, name, guestPath, content);
    }

    /**
     * Copies a host file or directory tree into the guest, like {@code cp -r} (or {@code docker cp}):
     * onto an existing directory it lands inside it under its own name ({@code dir/.}: only its
     * contents, merged); otherwise it becomes {@code guestPath}, whose parent must exist. Modes
     * and symbolic links are kept (links as links); files belong to the guest's root.
     *
     * @throws SandboxException (bad input) for a missing source, a missing target parent, or a
     *                          directory onto a file (and the reverse); nothing is half-written
     */
    public void copyIn(String name, Path hostSource, String guestPath) throws SandboxException {
        GuestCopy.in(this, name, hostSource, guestPath);
    }

    /**
     * Copies a guest file or directory tree to the host, by the same rules as {@link #copyIn}.
     * The copy is unpacked beside the target first and renamed into place.
     */
    public void copyOut(String name, String guestSource, Path hostTarget) throws SandboxException {
        GuestCopy.out(this, name, guestSource, hostTarget);
    }

    private SandboxInfo info(SandboxRecord r) {
        return SandboxMonitor.info(r, runDir(r.name()));
    }

    private boolean answers(SandboxRecord r) {
        return SandboxMonitor.running(r, runDir(r.name())).isPresent();
    }

    private void requireRunning(SandboxRecord r) throws SandboxException {
        if (!r.wantRunning()) {
            throw new SandboxException("sandbox " + r.name() + " is stopped: run `cofferdam sandbox start " + r.name() + "`");
        }
        if (!DetachedProcess.isAlive(r.qemuPid(), VmLauncher.marker(r.name()))) {
            throw new SandboxException("sandbox " + r.name() + " crashed (its QEMU is gone): start it again or rm it"
                    + crashEvidence(r.name()));
        }
    }

    /** The last lines QEMU and the guest console wrote, to say why a sandbox died (empty when none). */
    private String crashEvidence(String name) {
        Path run = runDir(name);
        String qemu = ConsoleLog.tail(run.resolve("qemu.log"), 3).strip();
        String console = ConsoleLog.tail(run.resolve("console.log"), 6).strip();
        return (qemu.isEmpty() ? "" : "; QEMU said: " + qemu.replace('\n', ' '))
                + (console.isEmpty() ? "" : "; console ends: " + console.replace('\n', ' '));
    }

    private SandboxRecord record(String name) throws SandboxException {
        return store.get(name).orElseThrow(() -> new SandboxException("no sandbox named " + name));
    }

    private GuestImage image(String template, BuildListener listener) throws SandboxException {
        try {
            return images.ensure(template, listener);
        } catch (ImageException e) {
            boolean unknown = !ImageStore.TEMPLATES.contains(template);
            throw new SandboxException(e.getMessage(), unknown, e);
        }
    }

    private Path runDir(String name) {
        return dirs.sandboxDir(name).resolve("run");
    }

    @Override
    public void close() throws SandboxException {
        store.close();
    }
}
