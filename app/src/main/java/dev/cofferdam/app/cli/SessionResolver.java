package dev.cofferdam.app.cli;

import dev.cofferdam.app.receiver.ReceivedSessions;
import dev.cofferdam.engine.trace.SessionLocator;
import dev.cofferdam.engine.trace.SessionRef;
import dev.cofferdam.engine.trace.TraceException;
import dev.cofferdam.engine.trace.store.StoredSession;
import dev.cofferdam.engine.trace.store.TraceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds the transcript a user means: a file path, or a session id (or a unique prefix of one). */
final class SessionResolver {
    private SessionResolver() {
    }

    static Path resolve(String arg, TraceEnvironment env, TraceStore store) throws TraceException {
        Path asFile = Path.of(arg);
        if (Files.isRegularFile(asFile)) {
            return asFile;
        }
        Set<String> hits = new LinkedHashSet<>();
        List<SessionRef> found = new ArrayList<>(new SessionLocator(env.allRoots()).find());
        found.addAll(new ReceivedSessions(env.dataDir()).list());
        for (SessionRef r : found) {
            if (stem(Path.of(r.path())).startsWith(arg) || stem(Path.of(r.path())).endsWith(arg)) {
                hits.add(r.path());
            }
        }
        for (StoredSession s : store.list()) {
            if (s.sessionId() != null && s.sessionId().startsWith(arg) && Files.isRegularFile(Path.of(s.path()))) {
                hits.add(s.path());
            }
        }
        if (hits.isEmpty()) {
            throw new TraceException("no transcript file or session matches '" + arg + "' (see cofferdam trace ls)");
        }
        if (hits.size() > 1) {
            throw new TraceException("'" + arg + "' matches " + hits.size() + " sessions; give more of the id or the path");
        }
        return Path.of(hits.iterator().next());
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
