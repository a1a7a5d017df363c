package dev.cofferdam.app.ui.trace;

import dev.cofferdam.app.cli.EgressHosts;
import dev.cofferdam.app.receiver.ReceivedSessions;
import dev.cofferdam.app.run.RunStore;
import dev.cofferdam.app.ui.sample.SampleRepository;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.AgentKind;
import dev.cofferdam.engine.trace.SessionLocator;
import dev.cofferdam.engine.trace.SessionRef;
import dev.cofferdam.engine.trace.SessionRoots;
import dev.cofferdam.engine.trace.TraceException;
import dev.cofferdam.engine.trace.TraceService;
import dev.cofferdam.engine.trace.TraceSession;
import dev.cofferdam.engine.trace.report.HostContact;
import dev.cofferdam.engine.trace.store.TraceStore;
import dev.cofferdam.vm.egress.EgressLogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@link TraceSource}: the agents' session folders, the received sessions and the trace
 * store in the data directory, and the sandbox egress log there, like the {@code cofferdam trace}
 * commands, plus the bundled sample session when the sample repository has been written. Thread-safe
 * (the store is).
 */
public final class TraceLibrary implements TraceSource {
    private static final Logger LOG = LoggerFactory.getLogger(TraceLibrary.class);
    private final SessionRoots roots;
    private final Path dataDir;
    private final boolean useStore;
    private final Path sampleSession;
    private TraceService service;

    /** @param useStore keep parsed sessions in the store of the data directory */
    public TraceLibrary(SessionRoots roots, Path dataDir, boolean useStore) {
        this(roots, dataDir, useStore, null);
    }

    /**
     * @param useStore      keep parsed sessions in the store of the data directory
     * @param sampleSession the sample session's transcript ({@link SampleRepository#sessionFile}), listed
     *                      when it exists; null for none
     */
    public TraceLibrary(SessionRoots roots, Path dataDir, boolean useStore, Path sampleSession) {
        this.roots = roots;
        this.dataDir = dataDir;
        this.useStore = useStore;
        this.sampleSession = sampleSession;
    }

    /** The library of this user's environment (the same folders as {@code cofferdam trace}). */
    public static TraceLibrary forUser() {
        Path home = Path.of(System.getProperty("user.home"));
        return new TraceLibrary(SessionRoots.fromEnvironment(System.getenv(), home),
                TraceStore.defaultDir(System.getenv(), home), true,
                SampleRepository.sessionFile(SampleRepository.defaultLocation()));
    }

    private List<SessionRoots> allRoots() {
        List<SessionRoots> all = new ArrayList<>();
        all.add(roots);
        all.addAll(new RunStore(dataDir).sessionRoots());
        return all;
    }

    /** @return whether a listed session is the bundled sample session */
    static boolean isSample(SessionRef r) {
        Path parent = Path.of(r.path()).getParent();
        return parent != null && parent.getFileName() != null
                && parent.getFileName().toString().equals(SampleRepository.SESSION_DIR);
    }

    /** Opens the store on first use (off the FX thread); without it, sessions are parsed each time. */
    private synchronized TraceService service() {
        if (service == null) {
            TraceStore store = null;
            if (useStore) {
                try {
                    store = new TraceStore(dataDir);
                } catch (TraceException e) {
                    LOG.warn("trace store unavailable, sessions will be parsed each time: {}", e.getMessage());
                }
            }
            service = new TraceService(store);
        }
        return service;
    }

    @Override
    public List<SessionRef> sessions() {
        List<SessionRef> out = new ArrayList<>(new SessionLocator(allRoots()).find());
        out.addAll(new ReceivedSessions(dataDir).list());
        out.sort(Comparator.comparingLong(SessionRef::mtime).reversed());
        if (sampleSession != null && Files.isRegularFile(sampleSession)) {
            try {
                out.add(new SessionRef(sampleSession.toAbsolutePath().toString(), AgentKind.CLAUDE_CODE,
                        Files.size(sampleSession), Files.getLastModifiedTime(sampleSession).toMillis()));
            } catch (IOException e) {
                LOG.debug("cannot list the sample session {}", sampleSession, e);
            }
        }
        return out;
    }

    @Override
    public TraceSession open(Path transcript) throws TraceException {
        return service().open(transcript, ProgressListener.NONE);
    }

    @Override
    public List<HostContact> hosts(TraceSession session, String sandbox) {
        if (!Files.isRegularFile(dataDir.resolve("egress.db"))) {
            return null;
        }
        try {
            return EgressHosts.fromStore(dataDir, sandbox, EgressHosts.Span.of(session));
        } catch (EgressLogException e) {
            LOG.info("no egress log for sandbox {}: {}", sandbox, e.getMessage());
            return null;
        }
    }
}
