package dev.cofferdam.app.run;

import dev.cofferdam.engine.git.GitException;
import dev.cofferdam.engine.git.GitRepo;
import dev.cofferdam.engine.git.WorkTreeSnapshot;
import dev.cofferdam.vm.egress.HostServices;
import dev.cofferdam.vm.image.BuildListener;
import dev.cofferdam.vm.image.ImageException;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyException;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.Tier;
import dev.cofferdam.vm.qemu.MachineSpec;
import dev.cofferdam.vm.sandbox.ExecRequest;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.SandboxSpec;
import dev.cofferdam.vm.sandbox.SandboxState;
import dev.cofferdam.vm.sandbox.TerminalSize;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent session in a sandbox, from the CLI ({@code cofferdam run}) or the workbench: records
 * where the work tree started, creates or reuses the sandbox (agent template, workspace mounted,
 * Balanced unless told otherwise), starts the MCP server and trace receiver for it, writes the
 * agent's configuration into the guest, and gives the command to attach a terminal to. After the
 * agent exits, {@link #finish} copies its transcripts out, records the run for review and stops
 * the sandbox (a clone's changes come back as a branch). Not thread-safe: one caller drives it.
 */
public final class AgentRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRun.class);

    /**
     * What to run.
     *
     * @param agent     the agent
     * @param workspace the host folder the agent works in
     * @param sandbox   the sandbox name ({@link #defaultName} when the user gives none)
     * @param cloneWorkspace work on a private clone; changes come back as branch {@code cofferdam/<sandbox>}
     * @param template  the guest template ({@code agent} unless testing)
     * @param cpus      vCPUs of a new sandbox
     * @param memoryMiB memory of a new sandbox
     * @param tier      the network tier; empty: Balanced for a new sandbox, unchanged for an existing one
     * @param keep      leave the sandbox running after the agent exits
     */
    public record Request(RunAgent agent, Path workspace, String sandbox, boolean cloneWorkspace, String template, int cpus,
                          int memoryMiB, Optional<Tier> tier, boolean keep) {
    }

    /**
     * What a run needs from its host process.
     *
     * @param sandboxes the sandbox service
     * @param routes    the egress proxy's host services
     * @param policies  the policy files
     * @param runs      where runs are recorded
     * @param dataDir   the data directory (trace receiver sessions)
     * @param version   the Cofferdam version for the MCP server
     */
    public record Context(SandboxService sandboxes, HostServices routes, PolicyStore policies, RunStore runs,
                          Path dataDir, String version) {
    }

    private final Request req;
    private final Context ctx;
    private final RunServices services;
    private final GuestEndpoints endpoints;
    private RunRecord record;

    private AgentRun(Request req, Context ctx, RunServices services, RunRecord record) {
        this.req = req;
        this.ctx = ctx;
        this.services = services;
        this.endpoints = services.endpoints(MachineSpec.EGRESS_PORT);
        this.record = record;
    }

    /** @return {@code <agent>-<folder name>}, cut to the sandbox name rules */
    public static String defaultName(RunAgent agent, Path workspace) {
        Path name = workspace.toAbsolutePath().normalize().getFileName();
        String base = (agent.id() + "-" + (name == null ? "root" : name.toString())).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-").replaceAll("-$", "");
        return base.length() <= 32 ? base : base.substring(0, 32).replaceAll("-$", "");
    }

    /**
     * Prepares everything up to the agent's first keystroke.
     *
     * @throws RunException     bad input (workspace, dirty clone, missing image or agent) or a failure
     * @throws SandboxException when the sandbox cannot be created or started
     */
    public static AgentRun start(Request req, Context ctx, BuildListener progress) throws RunException, SandboxException {
        Path ws = req.workspace().toAbsolutePath().normalize();
        if (!Files.isDirectory(ws)) {
            throw new RunException(Files.exists(ws) ? ws + " is a file, not a folder" : "no such folder: " + ws, true);
        }
        Optional<GitRepo> repo = GitRepo.find(ws);
        String base = base(req, repo, ws);
        checkImage(ctx.sandboxes(), req.template());
        SandboxInfo info = ensureSandbox(req, ctx, ws, progress);
        RunServices services = new RunServices(ws, ctx.dataDir(), ctx.routes(), info.name(), ctx.version());
        try {
            AgentRun run = new AgentRun(req, ctx, services, new RunRecord(info.name(), req.agent().id(), ws.toString(),
                    req.cloneWorkspace(), base, System.currentTimeMillis(), 0, -1, List.of()));
            GuestSetup.prepare(ctx.sandboxes(), info.name(), req.agent(), run.endpoints, req.template());
            ctx.runs().write(run.record);
            return run;
        } catch (RunException | SandboxException | RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private static String base(Request req, Optional<GitRepo> repo, Path ws) throws RunException {
        if (repo.isEmpty()) {
            if (req.cloneWorkspace()) {
                throw new RunException("--clone needs a git repository; " + ws + " is not in one", true);
            }
            return "";
        }
        try {
            if (req.cloneWorkspace()) {
                if (WorkTreeSnapshot.isDirty(repo.get())) {
                    throw new RunException(ws + " has uncommitted changes: commit or stash them first (a clone "
                            + "starts from HEAD, so the agent would not see them)", true);
                }
                return repo.get().head().orElseThrow(() -> new RunException(
                        "--clone needs at least one commit in " + ws, true));
            }
            return WorkTreeSnapshot.take(repo.get(), "runs/" + req.sandbox() + "/base",
                    "cofferdam run: work tree before the " + req.agent().id() + " session in " + req.sandbox());
        } catch (GitException e) {
            throw new RunException("cannot record where the session starts: " + e.getMessage(), false, e);
        }
    }

    private static void checkImage(SandboxService sandboxes, String template) throws RunException {
        try {
            sandboxes.images().require(template);
        } catch (ImageException e) {
            String how = "agent".equals(template) ? " (as root; it takes a few minutes and installs the agent CLIs)" : "";
            throw new RunException(e.getMessage() + how, true, e);
        }
    }

    private static SandboxInfo ensureSandbox(Request req, Context ctx, Path ws, BuildListener progress)
            throws RunException, SandboxException {
        Optional<SandboxInfo> existing = ctx.sandboxes().list().stream()
                .filter(i -> i.name().equals(req.sandbox())).findFirst();
        if (existing.isPresent()) {
            SandboxInfo i = existing.get();
            if (!i.workspace().map(w -> Path.of(w).equals(ws)).orElse(false) || i.cloned() != req.cloneWorkspace()) {
                throw new RunException("sandbox " + i.name() + " already exists for " + i.workspace().orElse("no workspace")
                        + (i.cloned() ? " (clone)" : "") + ": pick another name with --name, or remove it with "
                        + "`cofferdam sandbox rm " + i.name() + "`", true);
            }
        }
        writeTier(req, ctx, existing.isEmpty());
        if (existing.isEmpty()) {
            SandboxSpec spec = new SandboxSpec(req.sandbox(), req.template(), req.cpus(), req.memoryMiB(),
                    Optional.of(ws), req.cloneWorkspace());
            return ctx.sandboxes().create(spec, progress);
        }
        if (existing.get().state() != SandboxState.RUNNING) {
            return ctx.sandboxes().start(req.sandbox());
        }
        if (!ctx.sandboxes().egressServedHere(req.sandbox())) {
            throw new RunException("sandbox " + req.sandbox() + " is running and another Cofferdam process (the "
                    + "workbench, or another run) serves its network, so this run's MCP server would be out of its reach: "
                    + "stop it there first (`cofferdam sandbox stop " + req.sandbox() + "`) or pick another --name", true);
        }
        return existing.get();
    }

    /**
     * A new sandbox gets Balanced unless its policy file (written by the launch dialog) names a
     * tier; an explicit tier always wins. The file's rules are kept.
     */
    private static void writeTier(Request req, Context ctx, boolean fresh) throws RunException {
        try {
            PolicyDocument doc = ctx.policies().read(req.sandbox());
            Optional<Tier> tier = req.tier().isPresent() ? req.tier()
                    : fresh && doc.tier().isEmpty() ? Optional.of(Tier.BALANCED) : Optional.empty();
            if (tier.isPresent()) {
                ctx.policies().write(req.sandbox(), doc.withTier(tier.get()));
            }
        } catch (PolicyException e) {
            throw new RunException("the sandbox's policy cannot be written: " + e.getMessage(), false, e);
        }
    }

    /** @return the sandbox's name */
    public String sandbox() {
        return record.sandbox();
    }

    /** @return the agent's name for people, e.g. "Claude Code" */
    public String agentTitle() {
        return req.agent().title();
    }

    /** @return the URLs the guest reaches Cofferdam by */
    public GuestEndpoints endpoints() {
        return endpoints;
    }

    /**
     * @param tty   the terminal size, or empty for pipes (scripts, tests)
     * @param stdin what the agent reads
     * @return the agent's command, in the workspace, with its telemetry environment
     */
    public ExecRequest command(Optional<TerminalSize> tty, InputStream stdin) {
        return new ExecRequest(req.agent().command(), req.agent().environment(endpoints), record.workspace(), tty, stdin);
    }

    /**
     * Copies the transcripts out, records the run and, unless asked to keep it, stops the sandbox.
     *
     * @param exitCode the agent's exit code
     * @return the finished run's record
     * @throws RunException when the record cannot be written
     */
    public synchronized RunRecord finish(int exitCode) throws RunException {
        if (finished()) {
            return record;
        }
        List<String> transcripts = List.of();
        try {
            transcripts = TranscriptCollector.collect(ctx.sandboxes(), sandbox(), req.agent(),
                    ctx.runs().home(sandbox()));
        } catch (SandboxException e) {
            LOG.warn("transcripts of {} not collected: {}", sandbox(), e.getMessage());
        }
        record = record.ended(System.currentTimeMillis(), exitCode, transcripts);
        ctx.runs().write(record);
        close();
        if (!req.keep()) {
            try {
                ctx.sandboxes().stop(sandbox());
            } catch (SandboxException e) {
                throw new RunException("the session ended but sandbox " + sandbox() + " did not stop: " + e.getMessage()
                        + " (stop it with `cofferdam sandbox stop " + sandbox() + "`)", false, e);
            }
        }
        return record;
    }

    /** @return whether {@link #finish} ran */
    public synchronized boolean finished() {
        return record.endedMs() != 0;
    }

    /** Ends the MCP server and trace receiver; idempotent. */
    @Override
    public void close() {
        services.close();
    }
}
